/**
 * Shared pieces of the browser tests: when they can run; the server and the browser live in
 * `scripts/static-site.ts` (the ebook exporter uses them too).
 */
import fs from 'node:fs';
import path from 'node:path';
import {BUILD_DIR, CHROMIUM_PATH} from '../../../scripts/static-site';

export {BUILD_DIR, CHROMIUM_PATH, launchBrowser, startSite, type Site} from '../../../scripts/static-site';

/**
 * Why browser tests cannot run here, or undefined when they can. Where skipping would
 * hide a broken install (CI sets `LLMBOOK_REQUIRE_BROWSER=1`), the reason is thrown instead.
 */
export function browserUnavailable(): string | undefined {
  const reason = unavailableReason();
  if (reason && process.env.LLMBOOK_REQUIRE_BROWSER === '1') {
    throw new Error(`LLMBOOK_REQUIRE_BROWSER=1，但浏览器测试无法运行：${reason}`);
  }
  return reason;
}

function unavailableReason(): string | undefined {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    return `没有找到 ${CHROMIUM_PATH}，浏览器测试已跳过。安装方法：sudo apt-get install -y chromium（或设置 CHROMIUM_PATH）`;
  }
  if (!fs.existsSync(path.join(BUILD_DIR, 'index.html'))) {
    return '没有找到 build/index.html：请先运行 npm run build';
  }
  return undefined;
}

