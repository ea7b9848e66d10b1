/**
 * The data the timeline plugin hands to its page component (through `createData`).
 * Plain JSON: the component imports these types only, never code from `plugins/`.
 */
import type {EntryType, ModelKind, ModelStatus} from '../../core/registry/types';

/** A model this entry grew from, or one that grew from it, with the training stage. */
export interface Relation {
  id: string;
  name: string;
  via: string;
}

/** Another entry named by this one (family, members, succession, replacement). */
export interface EntryRef {
  id: string;
  name: string;
}

/** A date other than the release, as written, and whether it is an estimate. */
export interface EntryDate {
  text: string;
  estimated: boolean;
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
  /** The release date is an estimate (`estimated:` in the registry): shown as such. */
  estimated: boolean;
  announced?: EntryDate;
  paper?: EntryDate;
  year: string;
  kind: ModelKind;
  kindLabel: string;
  params?: string;
  parents: Relation[];
  children: Relation[];
  /** Product succession: what this entry replaces, and what replaced it. */
  supersedes: EntryRef[];
  supersededBy: EntryRef[];
  /** The family this model belongs to; for a family, its members in release order. */
  family?: EntryRef;
  members: EntryRef[];
  status: ModelStatus;
  statusLabel: string;
  deprecated?: EntryDate;
  shutdown?: EntryDate;
  replacement?: EntryRef;
  /** The deprecation page or changelog behind the status. */
  statusSources: string[];
  summary: string;
  sources: string[];
  mentions: ChapterMention[];
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
  status?: ModelStatus;
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
  /** 在用 / 已停用 / 已下线, most entries first. */
  statuses: FacetOption[];
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
