/**
 * The downloadable editions of the book (`npm run ebook` writes them after the build) and
 * how the site shows them. No Node imports: the site's client code imports this module.
 */

/** Folder of the downloads in the build output, relative to baseUrl. */
export const DOWNLOADS_DIR = 'downloads';
/** Sizes and date of the downloads (written with them), read by the site's download links. */
export const DOWNLOADS_MANIFEST = `${DOWNLOADS_DIR}/manifest.json`;
/** The book's file name (without extension). */
const BOOK_FILE = 'llm-books';

export const DOWNLOADS = [
  {format: 'pdf', label: 'PDF', path: `${DOWNLOADS_DIR}/${BOOK_FILE}.pdf`, type: 'application/pdf'},
  {format: 'epub', label: 'EPUB', path: `${DOWNLOADS_DIR}/${BOOK_FILE}.epub`, type: 'application/epub+zip'},
] as const;
export type DownloadFormat = (typeof DOWNLOADS)[number]['format'];

/** `3481234` → `3.3 MB`; `81234` → `79 KB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** What `downloads/manifest.json` holds. */
export interface DownloadsManifest {
  /** ISO timestamp of the export. */
  generated: string;
  commit: string;
  files: {format: string; label: string; path: string; bytes: number}[];
}
