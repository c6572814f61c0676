import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './clientAddress.ts';

function request(remoteAddress: string, forwardedFor?: string): IncomingMessage {
  return { socket: { remoteAddress }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} } as IncomingMessage;
}

describe('clientAddress', () => {
  it('is the peer address, IPv4-mapped addresses read as IPv4', () => {
    expect(clientAddress(request('203.0.113.9'), false)).toBe('203.0.113.9');
    expect(clientAddress(request('::ffff:203.0.113.9'), false)).toBe('203.0.113.9');
  });

  it('counts IPv6 addresses by their /64, however they are written', () => {
    expect(clientAddress(request('2001:db8:0:1::5'), false)).toBe('2001:db8:0:1::/64');
    expect(clientAddress(request('2001:0DB8:0000:0001:ffff:1:2:3'), false)).toBe('2001:db8:0:1::/64');
  });

  it('behind a proxy, takes the address the proxy appended, not what the client claimed', () => {
    expect(clientAddress(request('10.0.0.2', '1.2.3.4, 198.51.100.7'), true)).toBe('198.51.100.7');
    // Without trustProxy the header is anyone's to forge and is ignored.
    expect(clientAddress(request('10.0.0.2', '198.51.100.7'), false)).toBe('10.0.0.2');
  });
});
