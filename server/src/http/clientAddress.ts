import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';

/**
 * Who is asking, for per-client limits. Behind a reverse proxy (`trustProxy`), the address the
 * proxy appended last to X-Forwarded-For (earlier entries are whatever the client claimed);
 * otherwise the socket's peer. IPv6 addresses count by their /64, which one subscriber gets
 * whole; IPv4-mapped IPv6 addresses count as the IPv4 address.
 */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  let address = request.socket.remoteAddress ?? '';
  if (trustProxy) {
    const forwarded = request.headers['x-forwarded-for'];
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').at(-1)?.trim();
    if (last) address = last;
  }
  return addressGroup(address);
}

/** The unit per-client limits count by: an IPv4 address, or an IPv6 /64. */
export function addressGroup(address: string): string {
  if (address.startsWith('::ffff:') && !isIPv6(address.slice(7))) return address.slice(7);
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]?.split('::') ?? [''];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''));
}
