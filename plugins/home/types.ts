/** The data the home plugin hands to the home page (plain JSON, types only for the component). */

export interface HomeChapter {
  title: string;
  /** The doc's `description` front matter. */
  description: string;
  /** Full path with baseUrl. */
  permalink: string;
}

export interface HomePart {
  /** The category label (`_category_.json`). */
  label: string;
  description?: string;
  /** The part's own page (generated index or linked doc), when it has one. */
  permalink?: string;
  chapters: HomeChapter[];
}

export interface HomeData {
  /** Docs at the top of the book sidebar, before the first part (the preface). */
  front: HomeChapter[];
  parts: HomePart[];
  chapterCount: number;
  /** Where to start (`step` names the stage: 先读, or the part): the preface, then the first chapter of each part, in book order. */
  readingPath: Array<HomeChapter & {step: string}>;
  /** Most recently changed chapters by their last git commit, newest first; empty without git. */
  recent: Array<HomeChapter & {updated: string}>;
  contributing?: HomeChapter;
}
