/**
 * remark-cli (`npx remark docs`) and the VS Code remark extension read this file:
 * the same preset and the same `.lintrc.yaml` as `npm run lint`, so the editor
 * shows the messages CI shows. Node cannot import TypeScript itself, hence tsx's
 * API. (`--fix` and the cache are the CLI's; remark-cli only reports.)
 */
import {tsImport} from 'tsx/esm/api';

const load = async (file) => {
  const mod = await tsImport(file, import.meta.url);
  // A CommonJS-compiled module arrives as `default`.
  return mod.default && !mod.createPreset && !mod.loadConfig ? mod.default : mod;
};

const {loadConfig} = await load('./lint-rules/engine/config.ts');
const {createPreset} = await load('./lint-rules/preset.ts');
const config = loadConfig(new URL('./.lintrc.yaml', import.meta.url).pathname);

export default createPreset(config);
