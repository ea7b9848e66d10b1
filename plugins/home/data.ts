/**
 * The home page's table of contents, reading path and recently updated chapters, built
 * from what the docs plugin loaded: the book sidebar's order, each doc's `description`
 * front matter and its last git date. Nothing here is kept by hand. Pure.
 */
import type {HomeChapter, HomeData, HomePart} from './types';

/** The few fields of the docs plugin's loaded content this module reads. */
export interface DocLike {
  id: string;
  title: string;
  description: string;
  permalink: string;
  unlisted?: boolean;
  lastUpdatedAt?: number | null;
}

export type SidebarItemLike =
  | {type: 'doc' | 'ref'; id: string; label?: string}
  | {type: 'category'; label: string; description?: string; items: SidebarItemLike[]; link?: {type: string; id?: string; permalink?: string; description?: string}}
  | {type: 'link' | 'html'};

export interface HomeDataInput {
  docs: readonly DocLike[];
  sidebar: readonly SidebarItemLike[];
  /** The contributor guide's landing doc, when there is one. */
  contributing?: DocLike;
  recentCount: number;
}

function chapter(doc: DocLike): HomeChapter {
  return {title: doc.title, description: doc.description, permalink: doc.permalink};
}

/** Docs of a sidebar subtree in reading order (categories flattened). */
function docsIn(items: readonly SidebarItemLike[], byId: Map<string, DocLike>): DocLike[] {
  return items.flatMap((item) => {
    if (item.type === 'doc' || item.type === 'ref') {
      const doc = byId.get(item.id);
      return doc && !doc.unlisted ? [doc] : [];
    }
    if (item.type === 'category') {
      const own = item.link?.type === 'doc' && item.link.id ? byId.get(item.link.id) : undefined;
      return [...(own ? [own] : []), ...docsIn(item.items, byId)];
    }
    return [];
  });
}

function partOf(item: Extract<SidebarItemLike, {type: 'category'}>, byId: Map<string, DocLike>): HomePart {
  const linkDoc = item.link?.type === 'doc' && item.link.id ? byId.get(item.link.id) : undefined;
  const description = item.link?.description ?? item.description ?? linkDoc?.description;
  const permalink = item.link?.permalink ?? linkDoc?.permalink;
  return {
    label: item.label,
    ...(description ? {description} : {}),
    ...(permalink ? {permalink} : {}),
    chapters: docsIn(item.items, byId).map(chapter),
  };
}

/** `YYYY-MM-DD` in UTC: the same text whatever the build machine's time zone. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function buildHomeData({docs, sidebar, contributing, recentCount}: HomeDataInput): HomeData {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const front = sidebar.flatMap((item) => (item.type === 'doc' || item.type === 'ref' ? docsIn([item], byId) : []));
  const parts = sidebar.flatMap((item) => (item.type === 'category' ? [partOf(item, byId)] : []));
  const ordered = docsIn(sidebar, byId);
  const readingPath = [
    ...front.map((doc) => ({step: '先读', ...chapter(doc)})),
    ...parts.flatMap((part) => (part.chapters[0] ? [{step: part.label, ...part.chapters[0]}] : [])),
  ];
  const recent = ordered
    .filter((doc): doc is DocLike & {lastUpdatedAt: number} => typeof doc.lastUpdatedAt === 'number')
    .sort((a, b) => b.lastUpdatedAt - a.lastUpdatedAt || ordered.indexOf(a) - ordered.indexOf(b))
    .slice(0, recentCount)
    .map((doc) => ({...chapter(doc), updated: isoDay(doc.lastUpdatedAt)}));
  return {
    front: front.map(chapter),
    parts,
    chapterCount: ordered.length,
    readingPath,
    recent,
    ...(contributing ? {contributing: chapter(contributing)} : {}),
  };
}
