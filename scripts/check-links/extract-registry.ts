/**
 * The source URLs of the model registry (`sources`, and `status_sources` of a model's
 * lifecycle), each with its line in the YAML file. Read through the kernel's list reader
 * (`core/yaml-list.ts`, the one the registry loader uses), so a file the loader cannot
 * read is reported the same way here, every problem with its position; judging the
 * entries themselves is the loader's job, so the link check needs nothing but the file.
 */
import {isMap, isScalar, isSeq, type Node, type YAMLMap} from 'yaml';
import {FileProblemsError, readYamlList, type FileProblem} from '../../core/yaml-list';
import type {FoundLink} from './extract-markdown';
import {isHttpUrl} from './extract-markdown';

export class RegistryReadError extends FileProblemsError {
  constructor(problems: FileProblem[]) {
    super('模型注册表', problems);
    this.name = 'RegistryReadError';
  }
}

const URL_LISTS = ['sources', 'status_sources'];

/** Source URLs of every model in `text`, in file order; `file` is the path used in locations and errors. */
export function extractRegistryLinks(text: string, file: string): FoundLink[] {
  const {problems, items, fatal} = readYamlList(text, file, {label: '注册表', key: 'models', itemExample: '- id: davinci'});
  if (fatal) throw new RegistryReadError(problems.sorted().map((p) => ({...p, file})));
  const found: FoundLink[] = [];
  for (const model of items) {
    for (const key of URL_LISTS) {
      const list = (model as YAMLMap).get(key, true);
      if (!isSeq(list)) continue;
      for (const source of list.items) {
        const node = sourceUrlNode(source);
        if (node === undefined || typeof node.value !== 'string' || !isHttpUrl(node.value)) continue;
        found.push({url: node.value, location: {file, ...problems.positionOf(node.range?.[0] ?? 0)}});
      }
    }
  }
  return found.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
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
