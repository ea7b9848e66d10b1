/**
 * The data the timeline plugin hands to its page component (through `createData`).
 * Plain JSON: the component imports these types only, never code from `plugins/`.
 */
import type {EntryType, LifecycleStatus, ModelKind} from '../../core/registry/types';

/** A model this entry grew from, or one that grew from it, with the training stage. */
export interface Relation {
  id: string;
  name: string;
  via: string;
}

/** One `##`/`###` section of a chapter that mentions a model. */
export interface SectionMention {
  /** Heading text as shown. */
  text: string;
  /** The heading's anchor as Docusaurus generates it. */
  id: string;
  count: number;
}

/** One chapter that mentions a model (本书中提及). */
export interface ChapterMention {
  title: string;
  /** Full path with baseUrl, as the docs plugin gives it. */
  permalink: string;
  /** Site-relative source path, e.g. `docs/book/01-llm/01-hello-chatgpt.md`. */
  source: string;
  /** All mentions in the chapter. */
  count: number;
  /** Sections with mentions, in document order; mentions before the first heading have none. */
  sections: SectionMention[];
}

export interface TimelineEntry {
  id: string;
  type: EntryType;
  name: string;
  aliases: string[];
  org: string;
  /** As written in the registry: `2022`, `2022-04` or `2022-04-13`. */
  released: string;
  precision: 'year' | 'month' | 'day';
  year: string;
  kind: ModelKind;
  kindLabel: string;
  params?: string;
  parents: Relation[];
  children: Relation[];
  summary: string;
  sources: string[];
  mentions: ChapterMention[];
  /** Earlier products this one replaced (only when the registry says so). */
  supersedes?: Array<{id: string; name: string}>;
  status?: LifecycleStatus;
  /** When it was or will be switched off, as written. */
  shutdown?: string;
  replacement?: {id: string; name: string};
}

export interface TimelineYear {
  year: string;
  entries: TimelineEntry[];
}

/** A filter choice with how many entries carry it. */
export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

export interface LayoutNode {
  id: string;
  /** Name drawn in the box, cut with `…` to fit. */
  label: string;
  /** Full name and date, for the tooltip and screen readers. */
  title: string;
  date: string;
  /** The training stages of the parent edges (`← 代码训练`), drawn in the box. */
  stages?: string;
  type: EntryType;
  status?: LifecycleStatus;
  /** A stand-in for a parent from an earlier era; the link leads to its real entry. */
  ghost?: boolean;
  column: number;
  row: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Point = [number, number];

/** `parent`: the weights grew from it (stage in `via`); `supersedes`: the product replaced it. */
export type EdgeKind = 'parent' | 'supersedes';

export interface LayoutEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  via?: string;
  /** The corners of the orthogonal route, parent's right side to child's left side. */
  points: Point[];
  /** SVG path data of the same route. */
  path: string;
}

export interface LayoutYear {
  year: string;
  x: number;
  width: number;
}

/** One diagram: a run of consecutive years. */
export interface LineageEra {
  /** `2017–2020`, or one year. */
  label: string;
  /** Entries of the era (stand-ins for earlier parents not counted). */
  count: number;
  width: number;
  height: number;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  years: LayoutYear[];
}

export interface LineageLayout {
  eras: LineageEra[];
}

/** Everything the page renders. */
export interface TimelinePageData {
  title: string;
  description: string;
  /** Site-relative URL of the machine-readable copy, or null when it is not published. */
  jsonUrl: string | null;
  total: number;
  years: TimelineYear[];
  orgs: FacetOption[];
  kinds: FacetOption[];
  lineage: LineageLayout;
}

/** What a model link's hover card shows (see cards.ts). */
export interface ModelCard {
  name: string;
  org: string;
  /** As written in the registry. */
  released: string;
  /** The kind's Chinese label. */
  kind: string;
  /** Lifecycle in words (`已弃用，计划于 2025-06 下线，由 GPT-4o 接替`), when the registry gives it. */
  status?: string;
  /** The summary's first sentence. */
  summary: string;
  /** Mentions in the whole book. */
  mentions: number;
}

/** The timeline plugin's global data: every page can read it with `usePluginData`. */
export interface TimelineGlobalData {
  /** Full path of the timeline page, with baseUrl. */
  pagePath: string;
  cards: Record<string, ModelCard>;
}
