/**
 * The one place the timeline takes the shared mention scanner from: the auto-linker's
 * rules (no code, links, headings, HTML, front matter, 参考链接 …), so a back-link
 * exists exactly where a reader sees a model link or could.
 */
export {findMentions, parseMarkdown, type Mention} from '../remark-model-links/scan';
