import type { IncomingMessage, ServerResponse } from 'node:http';
import { localeDirection, type MessageId, matchLocale, type Translator, translator } from '@costudio/shared';
import { AddressRateLimiter, JOIN_CODE_GUESS_LIMITS } from '../http/AddressRateLimiter.ts';
import { clientAddress } from '../http/clientAddress.ts';
import type { HttpRoute } from '../http/extraRoutes.ts';
import type { RateLimiter } from '../http/RateLimiter.ts';
import { securityHeaders } from '../http/securityHeaders.ts';
import type { JoinCodeTarget, ShareLinks } from './ShareLinks.ts';

const JOIN_PATH = /^\/j\/([^/]{1,40})\/?$/;

/**
 * What someone who typed a dead code reads; plain words, never a stack or a JSON error, in the
 * browser's language (no page script runs here to ask the person).
 */
const DEAD_ENDS: Record<Exclude<JoinCodeTarget, { ok: true }>['problem'], { status: number; message: MessageId }> = {
  revoked: { status: 410, message: 'serverError.link_revoked' },
  expired: { status: 410, message: 'serverError.link_expired' },
  unknown: { status: 404, message: 'serverError.joinCode.unknown' },
};

/** The reader's language from Accept-Language, in the order the browser lists them. */
function readerTranslator(request: IncomingMessage): Translator {
  const header = request.headers['accept-language'] ?? '';
  return translator(matchLocale(header.split(',').map((part) => part.split(';')[0]?.trim() ?? '')));
}

export interface JoinRouteOptions {
  /** Counts wrong codes per client address; default JOIN_CODE_GUESS_LIMITS in this instance's memory. */
  readonly limiter?: RateLimiter;
  /** Read the client's address from X-Forwarded-For (behind a reverse proxy). */
  readonly trustProxy?: boolean;
}

/**
 * `GET /j/<code>`: the short address the projector shows. It redirects to the link's page with a
 * freshly signed token in the fragment, so the long address never has to be typed. An address
 * that has tried too many wrong codes is told to wait (429) before it may try any code again.
 */
export function joinRoutes(links: ShareLinks, options: JoinRouteOptions = {}): HttpRoute {
  const limiter = options.limiter ?? new AddressRateLimiter(JOIN_CODE_GUESS_LIMITS);
  const trustProxy = options.trustProxy ?? false;
  return async (request, response, pathname) => {
    const match = JOIN_PATH.exec(pathname);
    if (!match) return false;
    const t = readerTranslator(request);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendPage(request, response, t, 405, t.t('serverError.joinCode.openInBrowser'), { allow: 'GET, HEAD' });
      return true;
    }
    const address = clientAddress(request, trustProxy);
    // Every try counts until it proves right, so guesses sent in parallel meet the limit too.
    const waitMs = await limiter.take(address);
    if (waitMs > 0) {
      const message = t.t('serverError.joinCode.tooMany', { minutes: Math.ceil(waitMs / 60_000) });
      sendPage(request, response, t, 429, message, { 'retry-after': String(Math.ceil(waitMs / 1000)) });
      return true;
    }
    let typed: string;
    try {
      typed = decodeURIComponent(match[1] as string);
    } catch {
      typed = '';
    }
    const target = await links.resolveJoinCode(typed);
    if (target.ok) {
      await limiter.giveBack(address);
      response.writeHead(302, {
        location: target.path,
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
        'content-length': 0,
      });
      response.end();
      return true;
    }
    const { status, message } = DEAD_ENDS[target.problem];
    sendPage(request, response, t, status, t.t(message));
    return true;
  };
}

function sendPage(
  request: IncomingMessage,
  response: ServerResponse,
  t: Translator,
  status: number,
  message: string,
  extra: Record<string, string> = {},
): void {
  const html = `<!doctype html>
<html lang="${t.locale}" dir="${localeDirection(t.locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Costudio</title></head>
<body><main><h1>Costudio</h1><p>${message}</p></main></body>
</html>
`;
  response.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...securityHeaders(request),
    ...extra,
  });
  response.end(html);
}
