/**
 * Which hosts the link checker may request: a link in the book, or a redirect from
 * one, must not make CI's runner talk to itself or its network (loopback,
 * private, link-local such as the cloud metadata address 169.254.169.254,
 * unspecified, multicast). Each host is resolved and every address it resolves
 * to is checked; IP literals are checked as written.
 *
 * Limit: the address is checked, then fetch resolves the name again; a DNS answer
 * that changes in between (rebinding) is not caught. Pinning the address needs a
 * custom undici dispatcher, which this tool does not depend on.
 */
import dns from 'node:dns/promises';
import net from 'node:net';

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
