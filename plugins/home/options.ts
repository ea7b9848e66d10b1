/** The home plugin's options: types, defaults and the Joi schema built from the defaults. */
import {Joi} from '@docusaurus/utils-validation';
import type {OptionValidationContext} from '@docusaurus/types';

export interface PluginOptions {
  id: string;
  /** Id of the docs plugin instance whose book is listed. */
  docsPluginId: string;
  /** The sidebar that is the book (its categories are the parts). */
  sidebarId: string;
  /** Doc id of the contributor guide's landing page. */
  contributingDocId: string;
  /** How many recently updated chapters the page lists. */
  recentCount: number;
}

export type Options = Partial<PluginOptions>;

export const DEFAULT_OPTIONS: Omit<PluginOptions, 'id'> = {
  docsPluginId: 'default',
  sidebarId: 'book',
  contributingDocId: 'contributing/index',
  recentCount: 5,
};

export const OptionsSchema = Joi.object<PluginOptions>({
  id: Joi.string(),
  docsPluginId: Joi.string().min(1).default(DEFAULT_OPTIONS.docsPluginId),
  sidebarId: Joi.string().min(1).default(DEFAULT_OPTIONS.sidebarId),
  contributingDocId: Joi.string().min(1).default(DEFAULT_OPTIONS.contributingDocId),
  recentCount: Joi.number().integer().min(0).default(DEFAULT_OPTIONS.recentCount),
});

export function validateOptions({validate, options}: OptionValidationContext<Options, PluginOptions>): PluginOptions {
  return validate(OptionsSchema, options);
}
