/**
 * One place for the names, routes, URLs and file locations that the site, the
 * plugins, the lint rules and the tests share (STYLE.md, habit 9).
 */
import path from 'node:path';

/** Repository root (this file lives in `plugins/`). */
export const ROOT_DIR = path.resolve(__dirname, '..');

export const GITHUB_OWNER = 'morsoli';
export const GITHUB_REPO = 'llm-books';
export const GITHUB_URL = `https://github.com/${GITHUB_OWNER}/${GITHUB_REPO}`;
/** Branch the "编辑此页" links point at. */
export const GITHUB_BRANCH = 'main';
export const EDIT_URL = `${GITHUB_URL}/edit/${GITHUB_BRANCH}/`;

export const SITE_URL = `https://${GITHUB_OWNER}.github.io`;
export const BASE_URL = `/${GITHUB_REPO}/`;
export const SITE_TITLE = '《LLM 应用开发实践笔记》';

/** Content that editors change. Paths relative to the repository root. */
export const DOCS_DIR = 'docs';
export const MODELS_FILE = 'data/models.yaml';
export const TERMINOLOGY_FILE = 'data/terminology.yaml';

/** Route of the generated timeline page, relative to the site's baseUrl. */
export const TIMELINE_ROUTE = 'timeline';
/** Machine-readable copy of the registry plus mentions, relative to baseUrl. */
export const TIMELINE_JSON = 'timeline.json';

/** Lint rule ids are `llmbook/<name>`; their docs live under the contributor guide. */
export const RULE_ORIGIN = 'llmbook';
export const RULE_DOCS_ROUTE = 'docs/contributing/rules';
export function ruleDocsUrl(rule: string): string {
  return `${SITE_URL}${BASE_URL}${RULE_DOCS_ROUTE}/${rule}`;
}

/** CSS class on every auto-generated model link. */
export const MODEL_LINK_CLASS = 'model-link';

/** The lint rules by short id (`lint-rules/<id>.ts`); shown as `llmbook/<id>`. */
export const RULE_NAMES = ['terminology', 'model-names', 'unknown-models', 'reference-links', 'internal-links', 'cjk-spacing', 'retired-models'] as const;
export type RuleName = (typeof RULE_NAMES)[number];

/** The lint config at the repository root, and where the CLI keeps its cache. */
export const LINT_CONFIG_FILE = '.lintrc.yaml';
export const LINT_CACHE_DIR = 'node_modules/.cache/llmbook-lint';

/**
 * The book's outline in sidebar order, relative to baseUrl: written by `plugins/llms-txt`,
 * read by the ebook exporter (`scripts/ebook`).
 */
export const BOOK_OUTLINE_JSON = 'book.json';


// The downloadable editions live in a module without Node imports, so the site's
// client code (the download links) can import them too.
export {DOWNLOADS, DOWNLOADS_DIR, DOWNLOADS_MANIFEST, type DownloadFormat} from './downloads';
