import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { isValidBoardId } from '@costudio/shared';
import { sendError } from './jsonResponses.ts';
import { securityHeaders } from './securityHeaders.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

// Vite puts content-hashed files under /assets/: their name changes whenever their bytes do.
const HASHED_ASSET = /^\/assets\/.+-[A-Za-z0-9_-]{6,}\.[a-z0-9]+$/;
const BOARD_PAGE = /^\/b\/([^/]+)\/?$/;

/**
 * Serves the built client. `/` and `/b/<boardId>` get index.html (the client routes itself);
 * hashed assets may be cached forever, everything else (index.html, sw.js) is revalidated on
 * each load. Text files go out Brotli- or gzip-compressed when the client accepts it, from the
 * variants the build wrote beside them.
 */
export async function serveStatic(request: IncomingMessage, response: ServerResponse, clientDir: string): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendError(response, 405, 'method_not_allowed', 'Only GET and HEAD are allowed here', { allow: 'GET, HEAD' });
    return;
  }
  const pathname = new URL(request.url ?? '/', 'http://x').pathname;
  const boardPage = BOARD_PAGE.exec(pathname);
  const servesIndex = pathname === '/' || pathname === '/index.html' || (boardPage && isValidBoardId(boardPage[1] ?? ''));
  const relative = servesIndex ? '/index.html' : safeRelativePath(pathname);
  if (relative === null) {
    sendError(response, 404, 'not_found', 'Nothing here');
    return;
  }
  const file = join(clientDir, relative);
  const stats = await stat(file).catch(() => null);
  if (!stats?.isFile()) {
    if (servesIndex) sendError(response, 503, 'client_not_built', 'The client is not built yet: run `pnpm run build`');
    else sendError(response, 404, 'not_found', 'Nothing here');
    return;
  }
  await sendFile(request, response, file, stats, HASHED_ASSET.test(relative));
}

/** The request path as a path inside the client directory, or null if it tries to leave it. */
function safeRelativePath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const normalized = normalize(decoded);
  if (normalized.split(sep).includes('..') || normalized.startsWith(`..${sep}`)) return null;
  return normalized;
}

/** Precompressed variants written at build time (client/vite.config.ts), most preferred first. */
const VARIANTS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/**
 * The encodings a request accepts (RFC 9110 §12.5.3): listed with a q above 0, or covered by
 * `*`. No header means the client takes only the file as it is.
 */
export function acceptedEncodings(header: string | string[] | undefined): Set<string> {
  const weights = new Map<string, number>();
  for (const item of (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',')) {
    const [name = '', ...params] = item.split(';').map((part) => part.trim().toLowerCase());
    if (!name) continue;
    const q = params.find((param) => param.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const accepted = new Set<string>();
  for (const { encoding } of VARIANTS) {
    if ((weights.get(encoding) ?? weights.get('*') ?? 0) > 0) accepted.add(encoding);
  }
  return accepted;
}

/** The file to send: the best precompressed variant the client accepts, else the file itself. */
async function chooseVariant(
  request: IncomingMessage,
  file: string,
  stats: Stats,
): Promise<{ path: string; stats: Stats; encoding?: string }> {
  const accepted = acceptedEncodings(request.headers['accept-encoding']);
  for (const { encoding, suffix } of VARIANTS) {
    if (!accepted.has(encoding)) continue;
    const variant = await stat(file + suffix).catch(() => null);
    // A variant older than its file would be stale content: serve the file instead.
    if (variant?.isFile() && variant.mtimeMs >= stats.mtimeMs) return { path: file + suffix, stats: variant, encoding };
  }
  return { path: file, stats };
}

async function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  file: string,
  original: Stats,
  immutable: boolean,
): Promise<void> {
  const { path, stats, encoding } = await chooseVariant(request, file, original);
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}${encoding ? `-${encoding}` : ''}"`;
  const headers: Record<string, string | number> = {
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag,
    'last-modified': original.mtime.toUTCString(),
    // Caches must keep the br, gzip and plain answers apart.
    vary: 'Accept-Encoding',
    'x-content-type-options': 'nosniff',
    ...securityHeaders(request),
  };
  if (encoding) headers['content-encoding'] = encoding;
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  headers['content-length'] = stats.size;
  response.writeHead(200, headers);
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(path);
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}
