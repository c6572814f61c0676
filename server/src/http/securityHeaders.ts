import type { IncomingMessage } from 'node:http';

// A Host header is only reflected into the policy when it is plainly a host[:port].
const PLAIN_HOST = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

/**
 * Headers for every page and file of the client. The policy allows only Costudio's own scripts
 * and styles and its relay on the same host, so an injected script or a hostile link cannot
 * load code or send a board anywhere else; `no-referrer` keeps board addresses out of other
 * sites' logs (share-link tokens are in the URL fragment, which is never sent anyway).
 */
export function securityHeaders(request: IncomingMessage): Record<string, string> {
  const host = request.headers.host;
  const relay = host && PLAIN_HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      `connect-src 'self'${relay}`,
      "img-src 'self' data: blob:",
      "font-src 'self'",
      "worker-src 'self'",
      "manifest-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
    'referrer-policy': 'no-referrer',
  };
}
