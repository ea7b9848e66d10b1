/**
 * Shared pieces of the browser tests: a static server over `build/` that honours the
 * site's baseUrl the way GitHub Pages does, and Debian's Chromium through playwright-core.
 */
import fs from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {chromium, type Browser} from 'playwright-core';
import {BASE_URL, ROOT_DIR} from '../../../core/constants';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const BUILD_DIR = path.join(ROOT_DIR, 'build');

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

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

function resolveFile(root: string, urlPath: string): string | undefined {
  const clean = path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const base = path.join(root, clean);
  if (!base.startsWith(root)) return undefined;
  for (const candidate of [base, `${base}.html`, path.join(base, 'index.html')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

export interface Site {
  /** Origin plus baseUrl, e.g. `http://127.0.0.1:4567/llm-books/`. */
  url: string;
  close(): Promise<void>;
}

/** Serve a built site on 127.0.0.1 under its baseUrl. */
export async function startSite(root: string = BUILD_DIR, baseUrl: string = BASE_URL): Promise<Site> {
  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = pathname.startsWith(baseUrl) ? resolveFile(root, pathname.slice(baseUrl.length)) : undefined;
    if (!file) {
      response.writeHead(404, {'content-type': 'text/html; charset=utf-8'});
      response.end(fs.readFileSync(path.join(root, '404.html')));
      return;
    }
    response.writeHead(200, {'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream'});
    fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${baseUrl}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
