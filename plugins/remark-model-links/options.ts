import {Joi} from '@docusaurus/utils-validation';
import {BASE_URL, MODEL_LINK_CLASS, TIMELINE_ROUTE} from '../../core/constants';
import type {Registry} from '../../core/registry/types';

/** Which mentions of a model become links. */
export type LinkMode = 'first-per-page' | 'first-per-section' | 'all';

export interface ModelLinksOptions {
  /** Path of the registry file; default `data/models.yaml` in the repository. */
  registryPath?: string;
  /** An already loaded registry (tests, the timeline scan); wins over `registryPath`. */
  registry?: Registry;
  /** Site base URL the links are resolved against, e.g. `/llm-books/`. */
  baseUrl: string;
  /** Route of the timeline page under `baseUrl`. */
  routeBasePath: string;
  /** Default: the first mention of each model under each `##` heading. */
  mode: LinkMode;
  /** CSS class put on every generated link, so the theme can style them quietly. */
  className: string;
  /** Sections (by `##` heading text) whose mentions are never linked. */
  excludeSections: string[];
}

export type UserOptions = Partial<ModelLinksOptions>;

export const DEFAULT_OPTIONS: Omit<ModelLinksOptions, 'registryPath' | 'registry'> = {
  baseUrl: BASE_URL,
  routeBasePath: TIMELINE_ROUTE,
  mode: 'first-per-section',
  className: MODEL_LINK_CLASS,
  excludeSections: ['参考链接'],
};

const schema = Joi.object<ModelLinksOptions>({
  registryPath: Joi.string(),
  registry: Joi.object(),
  baseUrl: Joi.string().pattern(/^\/(.*\/)?$/, 'a path that starts and ends with `/`').default(DEFAULT_OPTIONS.baseUrl),
  routeBasePath: Joi.string().pattern(/^[^/#?].*$/, 'a route without a leading `/`').default(DEFAULT_OPTIONS.routeBasePath),
  mode: Joi.string().valid('first-per-page', 'first-per-section', 'all').default(DEFAULT_OPTIONS.mode),
  className: Joi.string().default(DEFAULT_OPTIONS.className),
  excludeSections: Joi.array().items(Joi.string()).default(DEFAULT_OPTIONS.excludeSections),
});

/** Validate and fill defaults; the caller's object is never mutated. */
export function validateOptions(options: UserOptions | undefined): ModelLinksOptions {
  const {value, error} = schema.validate(options ?? {}, {abortEarly: false, convert: false});
  if (error) {
    throw new Error(`remark-model-links 的选项无效：${error.message}`, {cause: error});
  }
  return value;
}
