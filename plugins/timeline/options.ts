/** The timeline plugin's options: types, defaults and the Joi schema built from the defaults. */
import {Joi} from '@docusaurus/utils-validation';
import type {OptionValidationContext} from '@docusaurus/types';
import {DOCS_DIR, MODELS_FILE, TIMELINE_JSON, TIMELINE_ROUTE} from '../../core/constants';

export interface PluginOptions {
  /** Plugin instance id (Docusaurus sets `default`). */
  id: string;
  /** Route of the page, relative to the site's baseUrl (`timeline` → `/llm-books/timeline`). */
  routeBasePath: string;
  /** The model registry, relative to the site directory. */
  registryPath: string;
  /** The docs folder scanned for mentions, relative to the site directory. */
  docsPath: string;
  /** Id of the docs plugin instance whose pages the 本书中提及 links point at. */
  docsPluginId: string;
  /** File name of the machine-readable copy in the build output (relative to baseUrl), or `false` for none. */
  jsonFilename: string | false;
  /** Page title (also the `<title>`). */
  title: string;
  /** Page description (`<meta name="description">`). */
  description: string;
}

export type Options = Partial<PluginOptions>;

export const DEFAULT_OPTIONS: Omit<PluginOptions, 'id'> = {
  routeBasePath: TIMELINE_ROUTE,
  registryPath: MODELS_FILE,
  docsPath: DOCS_DIR,
  docsPluginId: 'default',
  jsonFilename: TIMELINE_JSON,
  title: '模型时间线',
  description: '书中讨论的大语言模型按发布时间排列：谁发布、从哪个模型演变而来、经过哪种训练，以及本书哪些章节提到了它。',
};

function relativePath(example: string) {
  return Joi.string()
    .trim()
    .min(1)
    .pattern(/^(?![/\\]|[A-Za-z]:)/)
    .messages({'string.pattern.base': `{{#label}} 应为相对站点目录的路径，例如 \`${example}\`，而不是 {{#value}}`});
}

export const OptionsSchema = Joi.object<PluginOptions>({
  id: Joi.string(),
  routeBasePath: Joi.string()
    .allow('')
    .pattern(/^[^#?]*$/)
    .messages({'string.pattern.base': '{{#label}} 应为不带 `#` 或 `?` 的路径，例如 `timeline`，而不是 {{#value}}'})
    .default(DEFAULT_OPTIONS.routeBasePath),
  registryPath: relativePath(MODELS_FILE).default(DEFAULT_OPTIONS.registryPath),
  docsPath: relativePath(DOCS_DIR).default(DEFAULT_OPTIONS.docsPath),
  docsPluginId: Joi.string().min(1).default(DEFAULT_OPTIONS.docsPluginId),
  jsonFilename: Joi.alternatives()
    .try(Joi.string().pattern(/^[^/\\]+\.json$/), Joi.boolean().valid(false))
    .messages({
      'string.pattern.base': `{{#label}} 应为以 \`.json\` 结尾的文件名（例如 \`${TIMELINE_JSON}\`）或 \`false\`，而不是 {{#value}}`,
      'alternatives.types': `{{#label}} 应为以 \`.json\` 结尾的文件名（例如 \`${TIMELINE_JSON}\`）或 \`false\``,
    })
    .default(DEFAULT_OPTIONS.jsonFilename),
  title: Joi.string().min(1).default(DEFAULT_OPTIONS.title),
  description: Joi.string().allow('').default(DEFAULT_OPTIONS.description),
});

export function validateOptions({validate, options}: OptionValidationContext<Options, PluginOptions>): PluginOptions {
  return validate(OptionsSchema, options);
}
