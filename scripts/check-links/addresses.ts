/**
 * Which hosts the link checker may request: a link in the book, or a redirect from
 * one, must not make CI's runner talk to itself or its network (loopback,
 * private, link-local such as the cloud metadata address 169.254.169.254,
 * unspecified, multicast). Each host is resolved and every address it resolves
 * to is checked; IP literals are checked as written.
 *
 * The check is made twice: before a request (`refusedAddress`, which gives the
 * readable verdict), and again when the connection is opened (`guardedLookup`, the
 * DNS lookup of the HTTP client's connections, see `guardedFetch`), so a name whose
 * DNS answer changes between the two (rebinding) is refused at connect time
 * instead of reaching a private address.
 */
import type {LookupAddress, LookupAllOptions, LookupOneOptions} from 'node:dns';
import {lookup as dnsLookup} from 'node:dns';
import dns from 'node:dns/promises';
import net from 'node:net';
import {Agent, fetch as undiciFetch} from 'undici';

const blocked = new net.BlockList();
for (const [prefix, bits] of [
  ['0.0.0.0', 8], // "this network", includes the unspecified 0.0.0.0
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(prefix, bits, 'ipv4');
}
for (const [prefix, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  blocked.addSubnet(prefix, bits, 'ipv6');
}

/** `true` for an address the checker must not request. */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return false;
  // IPv4 written inside IPv6 (::ffff:127.0.0.1, ::127.0.0.1) is judged as IPv4.
  const mapped = /^(?:::ffff:|::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return blocked.check(mapped, 'ipv4');
  const hex = /^::ffff:([\da-f]{1,4}):([\da-f]{1,4})$/i.exec(address);
  if (hex) {
    const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
    return blocked.check(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, 'ipv4');
  }
  return blocked.check(address, 'ipv6');
}

export type ResolveHost = (hostname: string) => Promise<string[]>;

export const resolveHost: ResolveHost = async (hostname) => (await dns.lookup(hostname, {all: true, verbatim: true})).map((a) => a.address);

/**
 * Why `url` must not be requested (one Chinese sentence naming the address), or
 * `undefined` when every address of its host is public. A host that does not
 * resolve is left to the request, which reports it as such.
 */
export async function refusedAddress(url: string, resolve: ResolveHost): Promise<string | undefined> {
  const hostname = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  if (net.isIP(hostname)) addresses = [hostname];
  else {
    try {
      addresses = await resolve(hostname);
    } catch {
      return undefined;
    }
  }
  const bad = addresses.find(isPrivateAddress);
  if (bad === undefined) return undefined;
  const via = bad === hostname ? '' : `（\`${hostname}\` 解析为 \`${bad}\`）`;
  return `拒绝请求本机、内网或链路本地地址 \`${bad}\`${via}；确需检查时在 config.json 设 \`"allowPrivateAddresses": true\``;
}

/** The error code of a connection refused by {@link guardedLookup}. */
export const PRIVATE_ADDRESS_CODE = 'ELLMBOOK_PRIVATE_ADDRESS';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
type Resolver = (hostname: string, options: LookupAllOptions, callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

/**
 * A `lookup` for `net.connect` that refuses a host any of whose addresses is private:
 * the address the connection is made to is the one checked. `resolve` is replaceable
 * for tests (default: the system resolver).
 */
export function guardedLookup(resolve: Resolver = dnsLookup as unknown as Resolver) {
  return (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void => {
    resolve(hostname, {...options, all: true}, (error, addresses) => {
      if (error) return callback(error, []);
      const bad = addresses.find((a) => isPrivateAddress(a.address));
      if (bad) {
        const refused: NodeJS.ErrnoException = new Error(`连接时 \`${hostname}\` 解析为本机、内网或链路本地地址 \`${bad.address}\`，已拒绝`);
        refused.code = PRIVATE_ADDRESS_CODE;
        return callback(refused, []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`\`${hostname}\` 没有地址`), {code: 'ENOTFOUND'}), []);
      callback(null, first.address, first.family);
    });
  };
}

/**
 * The HTTP client of the link check: undici's fetch, whose connections look host names
 * up through {@link guardedLookup} unless private addresses are allowed.
 */
export function guardedFetch(allowPrivateAddresses: boolean, resolve?: Resolver): typeof fetch {
  const dispatcher = allowPrivateAddresses ? undefined : new Agent({connect: {lookup: guardedLookup(resolve)}});
  return ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {...(init as Parameters<typeof undiciFetch>[1]), ...(dispatcher ? {dispatcher} : {})})) as unknown as typeof fetch;
}
