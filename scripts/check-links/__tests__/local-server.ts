/**
 * A small HTTP server on 127.0.0.1 that plays every kind of answer the link checker
 * must classify. Never the internet: each test starts its own on a free port.
 */
import http from 'node:http';
import type {AddressInfo} from 'node:net';

export interface LocalServer {
  origin: string;
  /** Every request as `METHOD /path`, in arrival order. */
  log: string[];
  /** Requests seen for one path. */
  count(path: string): number;
  /** Most requests this server ever had in flight at once. */
  maxInFlight(): number;
  close(): Promise<void>;
}

type Handler = (request: http.IncomingMessage, response: http.ServerResponse, seen: number) => void;

const SLOW_MS = 2_000;
const PAUSE_MS = 20;

const ROUTES: Record<string, Handler> = {
  '/ok': (_request, response) => response.writeHead(200).end('ok'),
  '/moved-301': (_request, response) => response.writeHead(301, {location: '/ok'}).end(),
  '/moved-308': (_request, response) => response.writeHead(308, {location: '/ok'}).end(),
  '/temporary-302': (_request, response) => response.writeHead(302, {location: '/ok'}).end(),
  '/loop-a': (_request, response) => response.writeHead(308, {location: '/loop-b'}).end(),
  '/loop-b': (_request, response) => response.writeHead(308, {location: '/loop-a'}).end(),
  '/gone-404': (_request, response) => response.writeHead(404).end('not found'),
  '/gone-410': (_request, response) => response.writeHead(410).end('gone'),
  '/busy-then-ok': (_request, response, seen) =>
    seen === 1 ? response.writeHead(429, {'retry-after': '2'}).end() : response.writeHead(200).end(),
  '/busy-long': (_request, response) => response.writeHead(429, {'retry-after': '3600'}).end(),
  '/error-then-ok': (_request, response, seen) =>
    seen === 1 ? response.writeHead(500).end() : response.writeHead(200).end(),
  '/always-503': (_request, response) => response.writeHead(503).end(),
  '/no-head': (request, response) =>
    request.method === 'HEAD' ? response.writeHead(405, {allow: 'GET'}).end() : response.writeHead(200).end('body'),
  '/head-404': (request, response) =>
    request.method === 'HEAD' ? response.writeHead(404).end() : response.writeHead(200).end('body'),
  '/forbidden': (_request, response) => response.writeHead(403).end(),
  '/slow': (_request, response) => {
    const timer = setTimeout(() => response.writeHead(200).end(), SLOW_MS);
    response.on('close', () => clearTimeout(timer));
  },
};

/** `/pause/<anything>` answers 200 after a short pause, so requests overlap. */
function pause(_request: http.IncomingMessage, response: http.ServerResponse): void {
  const timer = setTimeout(() => response.writeHead(200).end(), PAUSE_MS);
  response.on('close', () => clearTimeout(timer));
}

export async function startLocalServer(): Promise<LocalServer> {
  const counts = new Map<string, number>();
  const log: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const seen = (counts.get(path) ?? 0) + 1;
    counts.set(path, seen);
    log.push(`${request.method} ${path}`);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    response.on('close', () => {
      inFlight -= 1;
    });
    const handler = path.startsWith('/pause/') ? pause : ROUTES[path];
    if (handler === undefined) response.writeHead(404).end();
    else handler(request, response, seen);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    count: (path) => counts.get(path) ?? 0,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
