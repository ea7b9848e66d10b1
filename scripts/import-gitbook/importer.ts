/**
 * Read a GitBook 3 book and plan every file of its Docusaurus import, in memory:
 * nothing is written until the whole book has been read without an error.
 */
import {realpathSync, statSync} from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import YAML from 'yaml';
import {type ChapterInput, type ResolveRequest, type Resolution, convertChapter} from './convert';
import {type LayoutItem, planLayout} from './layout';
import {type PluginAdvice, pluginReport} from './plugins';
import {type Problem, byPlace, problem} from './problems';
import {type ChapterEntry, type SummaryEntry, bookPath, isExternalUrl, isSafeExternalUrl, parseSummary} from './summary';

export interface PlannedFile {
  /** Out-relative posix path. */
  path: string;
  content: string | Buffer;
}

export interface BookInfo {
  title?: string;
  language?: string;
  plugins: string[];
  /** Raw `pluginsConfig` of book.json, for the report. */
  pluginsConfig: Record<string, unknown>;
  /** `links.sidebar` of book.json: extra sidebar links GitBook shows above the chapters. */
  sidebarLinks: Record<string, string>;
}

export interface ImportPlan {
  files: PlannedFile[];
  layout: LayoutItem[];
  problems: Problem[];
  book: BookInfo;
  plugins: PluginAdvice[];
}

const posix = path.posix;

async function readText(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

function jsonPlace(text: string, error: unknown): {line: number; column: number} {
  const at = /position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (at === undefined) return {line: 1, column: 1};
  const before = text.slice(0, Number(at)).split('\n');
  return {line: before.length, column: (before.at(-1)?.length ?? 0) + 1};
}

async function readBookJson(dir: string, problems: Problem[]): Promise<{info: BookInfo; root: string; summary: string}> {
  const info: BookInfo = {plugins: [], pluginsConfig: {}, sidebarLinks: {}};
  const text = await readText(path.join(dir, 'book.json'));
  if (text === undefined) return {info, root: '.', summary: 'SUMMARY.md'};
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch (cause) {
    problems.push(problem('error', 'book.json', jsonPlace(text, cause), `book.json 不是合法的 JSON：${(cause as Error).message}`, cause));
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const record = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  info.title = str(json.title);
  info.language = str(json.language);
  info.plugins = Array.isArray(json.plugins) ? json.plugins.filter((p): p is string => typeof p === 'string') : [];
  info.pluginsConfig = record(json.pluginsConfig);
  info.sidebarLinks = Object.fromEntries(
    Object.entries(record(record(json.links).sidebar)).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
  const structure = record(json.structure);
  return {info, root: str(json.root) ?? '.', summary: str(structure.summary) ?? 'SUMMARY.md'};
}

function* chapters(entries: SummaryEntry[]): Generator<ChapterEntry> {
  for (const entry of entries) {
    if (entry.kind === 'chapter') yield entry;
    if (entry.kind !== 'external') yield* chapters(entry.children);
  }
}

/** Inside the book, also after following symlinks (a path that does not exist yet is judged by its name). */
async function insideBook(root: string, rel: string): Promise<boolean> {
  const realRoot = await fs.realpath(root).catch(() => path.resolve(root));
  const real = await fs.realpath(path.join(root, rel)).catch(() => path.resolve(realRoot, rel));
  return real === realRoot || real.startsWith(realRoot + path.sep);
}

async function checkChapters(root: string, summaryFile: string, entries: SummaryEntry[], problems: Problem[]): Promise<void> {
  for (const chapter of chapters(entries)) {
    const at = (severity: 'error', message: string) => problems.push(problem(severity, summaryFile, chapter.place, message));
    if (!(await insideBook(root, chapter.path))) {
      at('error', `章节 \`${chapter.href}\` 链接到书的目录之外，已拒绝（章节应是书目录内的相对路径）`);
      continue;
    }
    const stat = await fs.stat(path.join(root, chapter.path)).catch(() => undefined);
    if (!stat?.isFile()) {
      at('error', `章节 \`${chapter.href}\` 不存在（应为书目录内已有的 .md 文件，如 \`./01-llm/01-1.md\`）`);
    } else if (!/\.(md|markdown)$/i.test(chapter.path)) {
      at('error', `章节 \`${chapter.href}\` 不是 Markdown 文件（应以 \`.md\` 结尾）`);
    }
  }
}

/** A chapter listed twice keeps its first place; a later listing with children becomes a part. */
function dropDuplicates(entries: SummaryEntry[], summaryFile: string, problems: Problem[], seen = new Map<string, ChapterEntry>()): SummaryEntry[] {
  return entries.flatMap((entry): SummaryEntry[] => {
    if (entry.kind === 'external') return [entry];
    const children = dropDuplicates(entry.children, summaryFile, problems, seen);
    if (entry.kind === 'part') return [{...entry, children}];
    const first = seen.get(entry.path);
    if (!first) {
      seen.set(entry.path, entry);
      return [{...entry, children}];
    }
    problems.push(
      problem('warning', summaryFile, entry.place, `章节 \`${entry.path}\` 在目录中重复出现（第一次在第 ${first.place.line} 行），这一处${children.length > 0 ? '改为不带链接的分类' : '已跳过'}`),
    );
    return children.length > 0 ? [{kind: 'part', title: entry.title, place: entry.place, children}] : [];
  });
}

function relativeUrl(fromOut: string, toOut: string): string {
  const rel = posix.relative(posix.dirname(fromOut), toOut);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

function decode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** The repository the book lives in: links from a chapter to its other files point there. */
export interface Repository {
  /** The repository's top folder on disk. */
  root: string;
  /** Where its files are shown on the web, without a trailing `/` (e.g. `https://github.com/o/r/blob/main`). */
  url: string;
}

export interface ImportOptions {
  repository?: Repository;
}

interface ResolverContext {
  root: string;
  repository?: Repository;
  /** Book path of each imported chapter → its out path. */
  outOf: Map<string, string>;
  /** Book paths of the book's files (not folders). */
  files: Set<string>;
  dirs: Set<string>;
  /** Assets to copy: book path → referencing place, for the unreadable-image message. */
  assets: Map<string, {file: string; line: number; column: number}>;
}

function mdForHtml(target: string, ctx: ResolverContext): string {
  if (!/\.html?$/i.test(target)) return target;
  const dir = posix.dirname(target);
  const base = posix.basename(target).replace(/\.html?$/i, '');
  const candidates = base === 'index' ? ['README.md', 'readme.md', 'index.md'] : [`${base}.md`];
  return candidates.map((c) => (dir === '.' ? c : `${dir}/${c}`)).find((c) => ctx.files.has(c)) ?? target;
}

function resolver(ctx: ResolverContext, file: string, outFile: string) {
  return ({url, image, place}: ResolveRequest): Resolution => {
    const note = (severity: 'warning' | 'info', message: string) => problem(severity, file, place, message);
    const paren = /^\((.+)\)$/.exec(url)?.[1];
    if (paren && isExternalUrl(paren)) {
      return {kind: 'rewrite', url: paren, note: note('info', `链接地址多了一层括号，已改为 \`${paren}\``)};
    }
    if (isExternalUrl(url) && !isSafeExternalUrl(url)) {
      return {kind: 'unlink', note: note('warning', `链接 \`${url}\` 不是 http(s) 地址，不能写进网页，已改为可见的文字说明`)};
    }
    if (url === '' || url.startsWith('#') || isExternalUrl(url)) return {kind: 'keep'};
    const suffix = /[#?].*$/.exec(url)?.[0] ?? '';
    const joined = bookPath(posix.join(posix.dirname(file), decode(url.slice(0, url.length - suffix.length))));
    let target = joined === undefined ? undefined : mdForHtml(joined, ctx);
    if (target !== undefined && (ctx.dirs.has(target) || target === '')) {
      const readme = ['README.md', 'readme.md'].map((r) => (target ? `${target}/${r}` : r)).find((r) => ctx.files.has(r));
      if (readme) target = readme;
    }
    const fallback = `images/${posix.basename(url.slice(0, url.length - suffix.length))}`;
    if (image && (target === undefined || !ctx.files.has(target)) && ctx.files.has(fallback)) {
      ctx.assets.set(fallback, ctx.assets.get(fallback) ?? {file, ...place});
      return {kind: 'rewrite', url: relativeUrl(outFile, fallback), note: note('info', `图片 \`${url}\` 指向${target === undefined ? '书的目录之外' : '不存在的文件'}，已改用书内的 \`${fallback}\``)};
    }
    if (target === undefined && ctx.repository && !image) {
      const inRepo = repositoryFile(ctx.root, ctx.repository, posix.join(posix.dirname(file), decode(url.slice(0, url.length - suffix.length))));
      if (inRepo !== undefined) {
        const href = `${ctx.repository.url}/${inRepo.split('/').map(encodeURIComponent).join('/')}${suffix}`;
        return {kind: 'rewrite', url: href, note: note('info', `链接 \`${url}\` 指向书外的仓库文件 \`${inRepo}\`，已改为它在仓库网页上的地址`)};
      }
    }
    if (target === undefined) {
      return {kind: 'unlink', note: note('warning', `${image ? '图片' : '链接'} \`${url}\` 指向书的目录之外，已改为可见的文字说明`)};
    }
    const chapterOut = ctx.outOf.get(target);
    if (chapterOut) return {kind: 'rewrite', url: relativeUrl(outFile, chapterOut) + suffix};
    if (!ctx.files.has(target) && !ctx.dirs.has(target)) {
      return {kind: 'unlink', note: note('warning', `${image ? '图片' : '链接'} \`${url}\` 指向的 \`${target}\` 不存在，已改为可见的文字说明`)};
    }
    if (/\.(md|markdown)$/i.test(target)) {
      return {kind: 'unlink', note: note('warning', `链接 \`${url}\` 指向的章节 \`${target}\` 不在 SUMMARY.md 中，没有导入，已改为可见的文字说明`)};
    }
    ctx.assets.set(target, ctx.assets.get(target) ?? {file, ...place});
    return {kind: 'rewrite', url: relativeUrl(outFile, target) + suffix};
  };
}

/**
 * A link from the book to another file of its repository (`../../examples/app/Dockerfile`):
 * the file's path in the repository, when it exists there (symlinks resolved, never
 * outside the repository). Only its existence is checked; nothing is read.
 */
function repositoryFile(bookRoot: string, repository: Repository, fromBook: string): string | undefined {
  try {
    const repoRoot = realpathSync(repository.root);
    const real = realpathSync(path.resolve(bookRoot, fromBook));
    const rel = path.relative(repoRoot, real);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel) || rel.split(path.sep).includes('.git')) return undefined;
    return statSync(real).isFile() || statSync(real).isDirectory() ? rel.split(path.sep).join('/') : undefined;
  } catch {
    return undefined;
  }
}

const SKIPPED_DIRS = new Set(['node_modules', '_book', '.git']);

async function listBook(root: string): Promise<{files: Set<string>; dirs: Set<string>}> {
  const files = new Set<string>();
  const dirs = new Set<string>();
  const walk = async (rel: string) => {
    const entries = await fs.readdir(path.join(root, rel), {withFileTypes: true});
    for (const entry of entries) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (SKIPPED_DIRS.has(entry.name)) continue;
        dirs.add(child);
        await walk(child);
      } else files.add(child);
    }
  };
  await walk('');
  return {files, dirs};
}

function categoryJson(label: string, position: number): string {
  return `${JSON.stringify({label, position}, null, 2)}\n`;
}

function externalDoc(title: string, href: string, position: number): string {
  const front = YAML.stringify({title, sidebar_position: position, sidebar_custom_props: {external: href}}, {lineWidth: 0});
  return `---\n${front}---\n\n原书目录中的这一项是外部链接：[${title.replace(/[[\]\\]/g, '\\$&')}](${href})\n`;
}

async function readAssets(root: string, assets: ResolverContext['assets'], problems: Problem[]): Promise<PlannedFile[]> {
  const files: PlannedFile[] = [];
  for (const [asset, from] of [...assets].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (!(await insideBook(root, asset))) {
      problems.push(problem('error', from.file, from, `图片或附件 \`${asset}\` 是指向书的目录之外的符号链接，已拒绝（只导入书目录内的文件）`));
      continue;
    }
    try {
      files.push({path: asset, content: await fs.readFile(path.join(root, asset))});
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code ?? String(cause);
      problems.push(problem('error', from.file, from, `无法读取图片或附件 \`${asset}\`（${code}）：请确认它是一个可读的文件`, cause));
    }
  }
  return files;
}

/** Read the book at `bookDir` and plan the import; `problems` holds errors when it cannot be imported. */
export async function planImport(bookDir: string, options: ImportOptions = {}): Promise<ImportPlan> {
  const problems: Problem[] = [];
  const {info, root: rootName, summary: summaryName} = await readBookJson(bookDir, problems);
  const root = path.resolve(bookDir, rootName);
  const summaryFile = posix.join(rootName === '.' ? '' : rootName, summaryName);
  const plan: ImportPlan = {files: [], layout: [], problems, book: info, plugins: pluginReport(info.plugins)};
  if (!(await insideBook(bookDir, path.relative(bookDir, root)))) {
    problems.push(problem('error', 'book.json', undefined, `\`root\` 为 \`${rootName}\`，指向书的目录之外，已拒绝（应为书目录内的子目录，如 \`"root": "./src"\`）`));
    return finish(plan);
  }
  if (!(await insideBook(root, summaryName))) {
    problems.push(problem('error', summaryFile, undefined, `\`${summaryName}\` 在书的目录之外（或是指向外面的符号链接），已拒绝`));
    return finish(plan);
  }
  const summaryText = await readText(path.join(root, summaryName));
  if (summaryText === undefined) {
    problems.push(problem('error', summaryFile, undefined, `找不到 \`${summaryName}\`：GitBook 书的根目录应有一个列出全部章节的 SUMMARY.md`));
    return plan;
  }
  const summary = parseSummary(summaryText, summaryFile);
  problems.push(...summary.problems);
  await checkChapters(root, summaryFile, summary.entries, problems);
  if (problems.some((p) => p.severity === 'error')) return finish(plan);
  const entries = dropDuplicates(summary.entries, summaryFile, problems);
  plan.layout = planLayout(entries);
  const listing = await listBook(root);
  const docs = plan.layout.filter((i) => i.kind === 'doc');
  const ctx: ResolverContext = {root, repository: options.repository, ...listing, outOf: new Map(docs.map((d) => [d.source, d.out])), assets: new Map()};
  for (const item of plan.layout) {
    if (item.kind === 'category') plan.files.push({path: `${item.out}/_category_.json`, content: categoryJson(item.label, item.position)});
    if (item.kind === 'external') plan.files.push({path: item.out, content: externalDoc(item.title, item.href, item.position)});
    if (item.kind !== 'doc') continue;
    const input: ChapterInput = {
      file: item.source,
      source: await fs.readFile(path.join(root, item.source), 'utf8'),
      frontMatter: item.position > 0 ? {title: item.title, sidebar_position: item.position} : {title: item.title},
      resolve: resolver(ctx, item.source, item.out),
    };
    const out = convertChapter(input);
    problems.push(...out.problems);
    plan.files.push({path: item.out, content: out.text});
  }
  plan.files.push(...(await readAssets(root, ctx.assets, problems)));
  if (!plan.layout.some((i) => i.out === 'index.md')) {
    // The site links to the book's folder (`/docs/book`): a book without a README still needs a page there.
    plan.files.push({path: 'index.md', content: indexPage(info.title ?? path.basename(path.resolve(bookDir)), plan.layout)});
    problems.push(problem('info', summaryFile, undefined, '书的根目录没有 README.md，已生成目录页 `index.md`（列出全部章节）'));
  }
  for (const file of listing.files) {
    if (/\.md$/i.test(file) && !ctx.outOf.has(file) && file !== summaryName && !/^(GLOSSARY|LANGS)\.md$/i.test(file)) {
      problems.push(problem('info', file, undefined, '这个 Markdown 文件不在 SUMMARY.md 中，没有导入'));
    }
  }
  plan.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return finish(plan);
}

/** The generated home page of a book without a README: its title and every chapter, nested as in the sidebar. */
function indexPage(title: string, layout: LayoutItem[]): string {
  const front = YAML.stringify({title, sidebar_position: 0}, {lineWidth: 0});
  const lines = layout.flatMap((item) => {
    const pad = '  '.repeat(item.out.split('/').length - 1);
    const text = (item.kind === 'category' ? item.label : item.title).replace(/[[\]\\]/g, '\\$&');
    if (item.kind === 'category') {
      const own = `${item.out}/index.md`;
      return [layout.some((i) => i.out === own) ? `${pad}- [${text}](./${own.split('/').map(encodeURIComponent).join('/')})` : `${pad}- ${text}`];
    }
    if (item.kind === 'doc' && item.position === 0) return []; // a category's own page: the category line stands for it
    return [`${pad}- [${text}](./${item.out.split('/').map(encodeURIComponent).join('/')})`];
  });
  return `---\n${front}---\n\n# ${title}\n\n${lines.join('\n')}\n`;
}

function finish(plan: ImportPlan): ImportPlan {
  plan.problems.sort(byPlace);
  return plan;
}
