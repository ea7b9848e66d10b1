/** The llms.txt plugin's options: types, defaults and the Joi schema built from the defaults. */
import {Joi} from '@docusaurus/utils-validation';
import type {OptionValidationContext} from '@docusaurus/types';
import {BOOK_OUTLINE_JSON} from '../../core/constants';

export interface PluginOptions {
  /** Plugin instance id (Docusaurus sets `default`). */
  id: string;
  /** Id of the docs plugin instance whose sidebars give the reading order. */
  docsPluginId: string;
  /** The sidebar that is the book: its chapters fill llms.txt's sections, llms-full.txt and `book.json`. */
  bookSidebar: string;
  /** Other sidebars listed under llms.txt's `## Optional` (and given `.md` copies). */
  optionalSidebars: string[];
  /** Where the book's outline is written for the ebook exporter, relative to the build folder. */
  outlineFilename: string;
}

export type Options = Partial<PluginOptions>;

export const DEFAULT_OPTIONS: Omit<PluginOptions, 'id'> = {
  docsPluginId: 'default',
  bookSidebar: 'book',
  optionalSidebars: ['contributing'],
  outlineFilename: BOOK_OUTLINE_JSON,
};

export const OptionsSchema = Joi.object<PluginOptions>({
  id: Joi.string(),
  docsPluginId: Joi.string().min(1).default(DEFAULT_OPTIONS.docsPluginId),
  bookSidebar: Joi.string().min(1).default(DEFAULT_OPTIONS.bookSidebar),
  optionalSidebars: Joi.array().items(Joi.string().min(1)).default(DEFAULT_OPTIONS.optionalSidebars),
  outlineFilename: Joi.string()
    .pattern(/^[^/\\]+\.json$/)
    .messages({'string.pattern.base': `{{#label}} 应为以 \`.json\` 结尾的文件名（例如 \`${BOOK_OUTLINE_JSON}\`），而不是 {{#value}}`})
    .default(DEFAULT_OPTIONS.outlineFilename),
});

export function validateOptions({validate, options}: OptionValidationContext<Options, PluginOptions>): PluginOptions {
  return validate(OptionsSchema, options);
}
