import { existsSync, readFileSync, statSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';

/**
 * The built client as a browser gets it: Brotli or gzip made at build time, chosen by
 * Accept-Encoding; hashed assets cached for a year, index.html and the service worker
 * revalidated; security headers on every file; the start page under its 300 KB budget.
 * Needs the client built (`pnpm run build`, which `pnpm test` runs before these tests).
 */

const CLIENT_DIR = fileURLToPath(new URL('../../client/dist/', import.meta.url));
const INITIAL_TRANSFER_BUDGET = 300 * 1024;
const IMMUTABLE = 'public, max-age=31536000, immutable';

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as sent, still encoded. */
  body: Buffer;
}

let server: InProcessServer;

beforeAll(async () => {
  if (!existsSync(`${CLIENT_DIR}index.html`)) throw new Error('client/dist is missing: run `pnpm run build` first');
  server = await startInProcessServer();
});

afterAll(async () => {
  await server?.dispose();
});

/** GET without fetch(), which would decode the body and hide what went over the wire. */
function get(path: string, acceptEncoding?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    const req = httpRequest(`${server.httpUrl}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function decode(response: RawResponse): Buffer {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.body);
  if (encoding === 'gzip') return gunzipSync(response.body);
  expect(encoding).toBeUndefined();
  return response.body;
}

/** Same-origin files index.html makes the browser fetch before the app runs. */
function initialFiles(html: string): string[] {
  const urls = new Set<string>();
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="(\/[^"]*)"/g)) {
    if (match[1]) urls.add(match[1]);
  }
  return [...urls];
}

const indexHtml = () => readFileSync(`${CLIENT_DIR}index.html`, 'utf8');

/** The app's script: the largest index.html names (the page's first script is a tiny one, firstView/early.ts). */
function mainScript(): string {
  const scripts = [...indexHtml().matchAll(/<script\b[^>]*\bsrc="(\/assets\/[^"]+\.js)"/g)].flatMap((match) => match[1] ?? []);
  const script = scripts.sort(
    (a, b) => statSync(`${CLIENT_DIR}${b.slice(1)}`).size - statSync(`${CLIENT_DIR}${a.slice(1)}`).size,
  )[0];
  if (!script) throw new Error('index.html names no /assets/*.js script');
  return script;
}

describe('static files', () => {
  it.each([
    ['no Accept-Encoding', undefined, undefined],
    ['gzip', 'gzip', 'gzip'],
    ['br', 'br', 'br'],
    ['a browser’s list', 'gzip, deflate, br, zstd', 'br'],
    ['br refused with q=0', 'br;q=0, gzip', 'gzip'],
    ['identity only', 'identity', undefined],
  ])('sends the main script as the file itself or a smaller equivalent: %s', async (_name, accept, expected) => {
    const path = mainScript();
    const file = readFileSync(`${CLIENT_DIR}${path.slice(1)}`);
    const response = await get(path, accept);
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe(expected);
    expect(response.headers.vary).toBe('Accept-Encoding');
    expect(response.headers['cache-control']).toBe(IMMUTABLE);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(Number(response.headers['content-length'])).toBe(response.body.length);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    if (expected) expect(response.body.length).toBeLessThan(file.length / 2);
    expect(decode(response).equals(file)).toBe(true);
  });

  it.each([undefined, 'gzip', 'br'])(
    'revalidates index.html and the service worker on each load (Accept-Encoding: %s)',
    async (accept) => {
      for (const [path, file] of [
        ['/', 'index.html'],
        ['/b/some-board', 'index.html'],
        ['/sw.js', 'sw.js'],
      ] as const) {
        const response = await get(path, accept);
        expect(response.status, path).toBe(200);
        expect(response.headers['cache-control'], path).toBe('no-cache');
        expect(response.headers.vary, path).toBe('Accept-Encoding');
        expect(response.headers['content-security-policy'], path).toContain("default-src 'self'");
        expect(response.headers['referrer-policy'], path).toBe('no-referrer');
        expect(decode(response).equals(readFileSync(`${CLIENT_DIR}${file}`)), path).toBe(true);
      }
    },
  );

  it('answers a repeat request with 304 for the same encoding only', async () => {
    const path = mainScript();
    const br = await get(path, 'br');
    const plain = await get(path);
    expect(br.headers.etag).not.toBe(plain.headers.etag);
    const again = await new Promise<number>((resolve, reject) => {
      const headers = { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) };
      httpRequest(`${server.httpUrl}${path}`, { headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(again).toBe(304);
  });

  it('keeps the start page’s initial transfer within 300 KB', async () => {
    const accept = 'gzip, deflate, br, zstd';
    const page = await get('/', accept);
    const files = initialFiles(decode(page).toString('utf8'));
    expect(files).toContain(mainScript());
    let total = page.body.length;
    for (const path of files) {
      const response = await get(path, accept);
      expect(response.status, path).toBe(200);
      total += response.body.length;
    }
    expect(total).toBeLessThanOrEqual(INITIAL_TRANSFER_BUDGET);
  });
});
