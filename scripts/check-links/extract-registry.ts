/**
 * The `sources` URLs of the model registry, each with its line in the YAML file. Reads
 * the YAML itself (not the registry loader) so the link check needs nothing but the file:
 * the registry's own validation is the loader's job.
 */
import {isMap, isScalar, isSeq, LineCounter, parseDocument} from 'yaml';
import type {Node} from 'yaml';
import type {FoundLink} from './extract-markdown';
import {isHttpUrl} from './extract-markdown';

export class RegistryReadError extends Error {}

/** `sources` entries of every model in `text`; `file` is the path used in locations and errors. */
export function extractRegistryLinks(text: string, file: string): FoundLink[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {lineCounter});
  if (document.errors.length > 0) {
    const first = document.errors[0];
    const {line, col} = lineCounter.linePos(first.pos[0]);
    throw new RegistryReadError(`${file}:${line}:${col}：YAML 语法错误：${shortMessage(first.message)}`, {cause: first});
  }
  const models = document.get('models', true);
  if (!isSeq(models)) return [];
  const found: FoundLink[] = [];
  for (const model of models.items) {
    if (!isMap(model)) continue;
    const sources = model.get('sources', true);
    if (!isSeq(sources)) continue;
    for (const source of sources.items) {
      const node = sourceUrlNode(source);
      if (node === undefined || typeof node.value !== 'string' || !isHttpUrl(node.value)) continue;
      const {line, col} = lineCounter.linePos(node.range?.[0] ?? 0);
      found.push({url: node.value, location: {file, line, column: col}});
    }
  }
  return found;
}

/** The yaml package's message without its own position and code frame (we give ours). */
export function shortMessage(message: string): string {
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '');
}

/** A source is a URL string, or a map whose `url` is one. */
function sourceUrlNode(source: unknown): (Node & {value?: unknown}) | undefined {
  if (isScalar(source)) return source;
  if (isMap(source)) {
    const url = source.get('url', true);
    if (isScalar(url)) return url;
  }
  return undefined;
}
