/** What the exporter reads from the built site and hands from one step to the next. */
import type {BookOutline, OutlineChapter} from '../../core/outline';

export type {BookOutline, OutlineChapter};

/** A diagram as a standalone SVG (styles inlined), with its natural and shown widths in CSS px. */
export interface Diagram {
  svg: string;
  width: number;
  height: number;
  shown: number;
}

/** One page of the site, rendered by Chromium and prepared for both formats. */
export interface RenderedPage {
  /** Its heading as shown (the chapter title). */
  title: string;
  /** Prefix of its ids in the PDF and of its files in the EPUB (`c3`, `a`). */
  idPrefix: string;
  /** HTML for the one-document PDF: ids prefixed, links inside the book as `#c3-…`. */
  pdfHtml: string;
  /** XHTML body content for its own EPUB file; images carry `data-ebook-src`. */
  epubXhtml: string;
  diagrams: Diagram[];
  /** Absolute URLs of its (non-diagram) images, in document order. */
  imageUrls: string[];
  stylesheets: string[];
}

export interface RenderedChapter extends RenderedPage {
  chapter: OutlineChapter;
}

/** The whole book as rendered: chapters in sidebar order, then the appendix. */
export interface RenderedBook {
  outline: BookOutline;
  chapters: RenderedChapter[];
  appendix?: RenderedPage;
  colophon: Colophon;
}

/** Where and when this edition was made. */
export interface Colophon {
  commit: string;
  /** ISO date (YYYY-MM-DD). */
  date: string;
  /** ISO timestamp without milliseconds, for EPUB's dcterms:modified. */
  modified: string;
  licence: string;
  licenceUrl: string;
  siteUrl: string;
}
