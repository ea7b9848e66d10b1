/**
 * The one place the timeline imports the shared mention scanner from.
 * TEMPORARY: points at the local shim until `plugins/remark-model-links/scan.ts` lands.
 */
export {findMentions, parseMarkdown, type Mention} from './scan-shim';
