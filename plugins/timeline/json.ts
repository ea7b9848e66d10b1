/**
 * The machine-readable copy published at `/timeline.json` (TIMELINE_JSON) for other tools.
 *
 * Shape (version 1; fields are only ever added within a version):
 *
 * ```jsonc
 * {
 *   "version": 1,
 *   "page": "https://morsoli.github.io/llm-books/timeline",   // the timeline page
 *   "models": [                                               // release order, oldest first
 *     {
 *       "id": "code-davinci-002",                             // also the page anchor
 *       "type": "model",                                      // or "event", "family"
 *       "name": "code-davinci-002",
 *       "aliases": [],
 *       "org": "OpenAI",
 *       "released": "2022-03",                                // first public availability: YYYY, YYYY-MM or YYYY-MM-DD
 *       "precision": "month",                                 // "year" | "month" | "day"
 *       "estimated": true,                                    // the release date is an estimate
 *       "announced": {"text": "2024-09-12", "estimated": false}, // only when the registry gives it; so is "paper"
 *       "kind": "code",
 *       "params": "175B",                                     // only when the registry gives it
 *       "parents":  [{"id": "davinci", "via": "代码训练"}],
 *       "children": [{"id": "text-davinci-002", "via": "监督指令微调"}],
 *       "supersedes": [], "supersededBy": [],                 // product succession (ids), not lineage
 *       "family": "gpt-family",                               // only for members of a family
 *       "members": [],                                        // for a `type: "family"` entry: its models, release order
 *       "status": "retired",                                  // "active" | "deprecated" | "retired"
 *       "deprecated": {"text": "2023-03-20", "estimated": false}, // only when known; so is "shutdown"
 *       "shutdown": {"text": "2023-03-23", "estimated": false},
 *       "replacement": "gpt-3.5-turbo-instruct",              // only when the maker names one
 *       "statusSources": ["https://platform.openai.com/docs/deprecations"],
 *       "summary": "…",
 *       "sources": ["https://…"],
 *       "url": "https://morsoli.github.io/llm-books/timeline#code-davinci-002",
 *       "mentions": [                                         // chapters naming it, book order
 *         {
 *           "title": "你好, ChatGPT",
 *           "url": "https://morsoli.github.io/llm-books/docs/book/01-llm/hello-chatgpt",
 *           "count": 5,                                       // mentions in the whole chapter
 *           "sections": [{"title": "一张时间表", "url": "…#一张时间表", "count": 2}]
 *         }
 *       ]
 *     }
 *   ]
 * }
 * ```
 *
 * No timestamps: the same registry and docs give the same bytes.
 */
import type {EntryDate, TimelineEntry} from './types';

export interface TimelineJsonMention {
  title: string;
  url: string;
  count: number;
  sections: Array<{title: string; url: string; count: number}>;
}

export interface TimelineJsonModel {
  id: string;
  type: TimelineEntry['type'];
  name: string;
  aliases: string[];
  org: string;
  released: string;
  precision: TimelineEntry['precision'];
  estimated: boolean;
  announced?: EntryDate;
  paper?: EntryDate;
  kind: TimelineEntry['kind'];
  params?: string;
  parents: Array<{id: string; via: string}>;
  children: Array<{id: string; via: string}>;
  supersedes: string[];
  supersededBy: string[];
  family?: string;
  members: string[];
  status: TimelineEntry['status'];
  deprecated?: EntryDate;
  shutdown?: EntryDate;
  replacement?: string;
  statusSources: string[];
  summary: string;
  sources: string[];
  url: string;
  mentions: TimelineJsonMention[];
}

export interface TimelineJson {
  version: 1;
  page: string;
  models: TimelineJsonModel[];
}

/**
 * @param origin the site's `url` (`https://morsoli.github.io`), prefixed to the
 *   baseUrl-relative paths (`pagePath`, and the permalinks, which already hold baseUrl).
 */
export function buildTimelineJson(entries: readonly TimelineEntry[], origin: string, pagePath: string): TimelineJson {
  const base = origin.replace(/\/+$/, '');
  const page = `${base}${pagePath}`;
  return {
    version: 1,
    page,
    models: entries.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases,
      org: e.org,
      released: e.released,
      precision: e.precision,
      estimated: e.estimated,
      ...(e.announced ? {announced: e.announced} : {}),
      ...(e.paper ? {paper: e.paper} : {}),
      kind: e.kind,
      ...(e.params === undefined ? {} : {params: e.params}),
      parents: e.parents.map(({id, via}) => ({id, via})),
      children: e.children.map(({id, via}) => ({id, via})),
      supersedes: e.supersedes.map((r) => r.id),
      supersededBy: e.supersededBy.map((r) => r.id),
      ...(e.family ? {family: e.family.id} : {}),
      members: e.members.map((r) => r.id),
      status: e.status,
      ...(e.deprecated ? {deprecated: e.deprecated} : {}),
      ...(e.shutdown ? {shutdown: e.shutdown} : {}),
      ...(e.replacement ? {replacement: e.replacement.id} : {}),
      statusSources: e.statusSources,
      summary: e.summary,
      sources: e.sources,
      url: `${page}#${e.id}`,
      mentions: e.mentions.map((m) => ({
        title: m.title,
        url: `${base}${m.permalink}`,
        count: m.count,
        sections: m.sections.map((s) => ({title: s.text, url: `${base}${m.permalink}#${s.id}`, count: s.count})),
      })),
    })),
  };
}
