/**
 * Sentences for the "no copied sentences" check: the book must say things in its own
 * words, so no sentence of `MIN_SENTENCE_LENGTH` or more characters (after
 * normalisation) may be shared with the GitBook edition or the seed text.
 *
 * Markdown is read through its mdast tree: the text of each paragraph, heading and
 * table cell is one unit, and units are split into sentences at sentence-ending
 * punctuation; plain text is split at line breaks and the same punctuation. Code
 * blocks, inline code and front matter are left out: a model id or an API field is a
 * name, not wording. The book's prose is Chinese, so only sentences with at least one
 * Han character count; Latin-only lines in either text are names, code and titles.
 */
import type {Nodes, Root, RootContent} from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {visit} from 'unist-util-visit';

/** Shorter sentences ("详见官方文档。") are shared by accident, not by copying. */
export const MIN_SENTENCE_LENGTH = 15;

/** One sentence as written, with the line it starts on. */
export interface Sentence {
  text: string;
  normalised: string;
  line: number;
}

const HAN = /\p{Script=Han}/u;
const SENTENCE_END = /(?<=[。！？；!?;])|(?<=\.)(?=\s)|\n+/u;

/**
 * Spacing, punctuation and symbols removed, full-width forms folded (NFKC), Latin
 * letters lower-cased: `ChatGPT 是 OpenAI 开发的。` and `chatgpt是openai开发的` are equal.
 */
export function normalise(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '').toLowerCase();
}

/** Split a run of text into sentences of at least `MIN_SENTENCE_LENGTH` normalised characters. */
export function splitSentences(text: string, line = 1): Sentence[] {
  const sentences: Sentence[] = [];
  let offset = 0;
  for (const part of text.split(SENTENCE_END)) {
    const start = text.indexOf(part, offset);
    offset = start + part.length;
    const normalised = normalise(part);
    if (normalised.length < MIN_SENTENCE_LENGTH || !HAN.test(normalised)) continue;
    const lineOfPart = line + (text.slice(0, start).match(/\n/g)?.length ?? 0);
    sentences.push({text: part.trim(), normalised, line: lineOfPart});
  }
  return sentences;
}

/** The text of a node without its inline code (and without code, which units never hold). */
function proseText(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => proseText(child)).join('');
  return ' ';
}

const UNIT_TYPES = new Set<RootContent['type']>(['paragraph', 'heading', 'tableCell']);

/** The prose sentences of a Markdown document, code, inline code and front matter excluded. */
export function markdownSentences(markdown: string): Sentence[] {
  const tree = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).parse(markdown) as Root;
  const sentences: Sentence[] = [];
  visit(tree, (node) => {
    if (!UNIT_TYPES.has(node.type as RootContent['type'])) return undefined;
    sentences.push(...splitSentences(proseText(node as Nodes), node.position?.start.line ?? 1));
    return 'skip';
  });
  return sentences;
}

/**
 * A matcher over the other texts, built once: it returns the sentences of `ours` found
 * in `theirs`, both ways round — one of our sentences inside their text, or one of
 * their sentences inside ours (when we joined two of theirs into one).
 */
export function sharedSentenceMatcher(theirs: Sentence[]): (ours: Sentence[]) => Sentence[] {
  const theirText = theirs.map((s) => s.normalised).join('\u0000');
  return (ours) => {
    const ourText = ours.map((s) => s.normalised).join('\u0000');
    const found = new Set<Sentence>(ours.filter((s) => theirText.includes(s.normalised)));
    for (const their of theirs) {
      if (!ourText.includes(their.normalised)) continue;
      for (const our of ours) if (our.normalised.includes(their.normalised)) found.add(our);
    }
    return ours.filter((s) => found.has(s));
  };
}

/** Sentences of `ours` found in `theirs` (see `sharedSentenceMatcher`). */
export function sharedSentences(ours: Sentence[], theirs: Sentence[]): Sentence[] {
  return sharedSentenceMatcher(theirs)(ours);
}
