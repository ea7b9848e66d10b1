/**
 * Scaled copies of the GitBook corpus: the same Markdown (and images) copied into
 * N sub-folders, so every case reads the same bytes at ×1, ×10 or ×100.
 */
import fs from 'node:fs';
import path from 'node:path';
import {corpus} from '../test-support/corpus';

/** The GitBook book, read-only (`LLMBOOK_CORPUS`, see `test-support/corpus.ts`). */
export const CORPUS = corpus();
export const CORPUS_DIR = CORPUS.dir;

const MARKDOWN = new Set(['.md']);
const IMAGES = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.svg']);

export interface SourceFile {
  /** Path relative to the corpus root, with the platform's separator. */
  relative: string;
  markdown: boolean;
}

/** Markdown and image files under `dir`, sorted, hidden folders skipped. */
export function listCorpus(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (sub: string): void => {
    const entries = fs.readdirSync(path.join(dir, sub), {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const relative = path.join(sub, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.isFile()) {
        const ext = path.extname(entry.name).toLowerCase();
        if (MARKDOWN.has(ext) || IMAGES.has(ext)) out.push({relative, markdown: MARKDOWN.has(ext)});
      }
    }
  };
  walk('');
  return out;
}

export interface CorpusCopy {
  dir: string;
  /** Markdown files written. */
  files: number;
  /** Bytes of Markdown written. */
  bytes: number;
  copies: number;
}

export interface CopyOptions {
  /** Whole copies of the corpus, each in `copy-NNN/`. */
  copies: number;
  /** Stop after this many Markdown files (the last copy is partial). */
  maxFiles?: number;
  /** Leave images out (the `--changed` book only needs Markdown). */
  images?: boolean;
}

function copyName(i: number, total: number): string {
  return `copy-${String(i + 1).padStart(Math.max(3, String(total).length), '0')}`;
}

/**
 * Write `copies` copies of `source` into `dest` (created). Images of later copies are
 * hard links to the first copy's, where the file system allows, so ×100 stays small.
 */
export function copyCorpus(source: string, dest: string, options: CopyOptions): CorpusCopy {
  const list = listCorpus(source);
  if (!list.some((f) => f.markdown)) throw new Error(`no Markdown files under ${source}; expected the GitBook book there`);
  const texts = new Map(list.filter((f) => f.markdown).map((f) => [f.relative, fs.readFileSync(path.join(source, f.relative))]));
  const withImages = options.images !== false;
  let files = 0;
  let bytes = 0;
  let copies = 0;
  fs.mkdirSync(dest, {recursive: true});
  for (let i = 0; i < options.copies; i++) {
    const root = path.join(dest, copyName(i, options.copies));
    const first = path.join(dest, copyName(0, options.copies));
    copies++;
    for (const file of list) {
      if (!file.markdown && !withImages) continue;
      if (file.markdown && options.maxFiles !== undefined && files >= options.maxFiles) break;
      const target = path.join(root, file.relative);
      fs.mkdirSync(path.dirname(target), {recursive: true});
      if (file.markdown) {
        const text = texts.get(file.relative)!;
        fs.writeFileSync(target, text);
        files++;
        bytes += text.length;
      } else if (i === 0) {
        fs.copyFileSync(path.join(source, file.relative), target);
      } else {
        try {
          fs.linkSync(path.join(first, file.relative), target);
        } catch {
          fs.copyFileSync(path.join(source, file.relative), target);
        }
      }
    }
    if (options.maxFiles !== undefined && files >= options.maxFiles) break;
  }
  return {dir: dest, files, bytes, copies};
}

/** A book of exactly `count` Markdown files made of corpus copies (Markdown only). */
export function copyBook(source: string, dest: string, count: number): CorpusCopy {
  const perCopy = listCorpus(source).filter((f) => f.markdown).length;
  return copyCorpus(source, dest, {copies: Math.ceil(count / perCopy), maxFiles: count, images: false});
}
