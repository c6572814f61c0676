import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNote, isValidBoardId, readMeta } from '@costudio/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { fetchMetrics, type MetricSample, sumMetric } from '../support/prometheus.ts';
import { createTempDir, type TempDir } from '../support/tempDir.ts';
import { eventually } from '../support/waitFor.ts';

const CLIENT_DIST = fileURLToPath(new URL('../../client/dist', import.meta.url));
const FIXTURE_HTML = '<!doctype html><title>Costudio fixture</title><div id="root"></div>';

let server: InProcessServer;
let clientDir: TempDir;

beforeAll(async () => {
  // A stand-in for client/dist, so static serving and the SPA fallback are tested even when
  // the client has not been built.
  clientDir = await createTempDir('costudio-client-');
  await writeFile(join(clientDir.path, 'index.html'), FIXTURE_HTML);
  await mkdir(join(clientDir.path, 'assets'));
  await writeFile(join(clientDir.path, 'assets', 'app.js'), 'console.log("costudio")');
  server = await startInProcessServer({ clientDir: clientDir.path });
});

afterAll(async () => {
  await server.dispose();
  await clientDir.remove();
});

describe('GET /healthz', () => {
  it('answers 200', async () => {
    const response = await fetch(`${server.httpUrl}/healthz`);
    expect(response.status).toBe(200);
  });
});

describe('GET /metrics', () => {
  it('reports rooms, connections, messages, bytes and persist latency that move with traffic', async () => {
    const before = await fetchMetrics(server.httpUrl);
    const clients: BoardClient[] = [0, 1, 2].map((i) => connectBoardClient(server.syncUrl, i < 2 ? 'metrics-a' : 'metrics-b'));
    try {
      await Promise.all(clients.map((client) => client.whenSynced()));
      const [writer] = clients;
      for (let i = 0; i < 10; i++)
        createNote(writer?.doc ?? fail(), { lane: 'define', author: 'M', authorRole: 'lay', text: `n${i}` });
      await eventually(async () => {
        const after = await fetchMetrics(server.httpUrl);
        const value = (pattern: RegExp, samples: MetricSample[] = after) => sumMetric(samples, pattern);
        expect(value(/^costudio_rooms$/)).toBeGreaterThanOrEqual(2);
        expect(value(/^costudio_connections$/)).toBeGreaterThanOrEqual(3);
        expect(value(/^costudio_messages_in_total$/) - value(/^costudio_messages_in_total$/, before)).toBeGreaterThanOrEqual(10);
        // Each of the ten updates is relayed to the one other client in the room.
        expect(value(/^costudio_messages_out_total$/) - value(/^costudio_messages_out_total$/, before)).toBeGreaterThanOrEqual(
          10,
        );
        expect(value(/^costudio_bytes_in_total$/) - value(/^costudio_bytes_in_total$/, before)).toBeGreaterThan(100);
        expect(value(/^costudio_bytes_out_total$/) - value(/^costudio_bytes_out_total$/, before)).toBeGreaterThan(100);
        expect(value(/^costudio_persist_seconds_count$/)).toBeGreaterThan(value(/^costudio_persist_seconds_count$/, before));
        const sum = value(/^costudio_persist_seconds_sum$/);
        const count = value(/^costudio_persist_seconds_count$/);
        // A commit on a local SSD/tmpfs takes well under a second on average.
        expect(sum / count).toBeGreaterThan(0);
        expect(sum / count).toBeLessThan(1);
      });
    } finally {
      for (const client of clients) client.destroy();
    }
    await eventually(async () => expect(sumMetric(await fetchMetrics(server.httpUrl), /^costudio_connections$/)).toBe(0));
  });
});

describe('POST /api/boards', () => {
  it('creates a board whose title a new client sees', async () => {
    const response = await fetch(`${server.httpUrl}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Falls prevention at home' }),
    });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; title: string; path: string };
    expect(isValidBoardId(body.id)).toBe(true);
    expect(body.title).toBe('Falls prevention at home');
    expect(body.path).toBe(`/b/${body.id}`);

    const client = connectBoardClient(server.syncUrl, body.id);
    try {
      await client.whenSynced();
      expect(readMeta(client.doc).title).toBe('Falls prevention at home');
    } finally {
      client.destroy();
    }
  });

  it('gives each new board its own id', async () => {
    const create = async () => {
      const response = await fetch(`${server.httpUrl}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Twin' }),
      });
      return ((await response.json()) as { id: string }).id;
    };
    const [a, b] = await Promise.all([create(), create()]);
    expect(a).not.toBe(b);
  });

  it.each([
    ['malformed JSON', '{"title": "oops"', 'invalid_json'],
    ['a JSON array', '["title"]', 'invalid_title'],
    ['an empty title', '{"title": "   "}', 'invalid_title'],
  ])('answers 400 with a clear error for %s', async (_name, body, code) => {
    const response = await fetch(`${server.httpUrl}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(400);
    const parsed = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    expect(parsed.error?.code).toBe(code);
    expect(typeof parsed.error?.message).toBe('string');
    expect(String(parsed.error?.message).length).toBeGreaterThan(10);
    // The process is unharmed.
    expect((await fetch(`${server.httpUrl}/healthz`)).status).toBe(200);
  });
});

describe('static client', () => {
  it('serves index.html for /b/<id> (SPA fallback) and assets as they are', async () => {
    const page = await fetch(`${server.httpUrl}/b/some-board`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toBe(FIXTURE_HTML);
    const asset = await fetch(`${server.httpUrl}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(await asset.text()).toBe('console.log("costudio")');
  });

  it('does not serve files outside the client directory', async () => {
    const response = await fetch(`${server.httpUrl}/..%2F..%2Fetc%2Fpasswd`);
    expect(await response.text()).not.toMatch(/root:/);
  });

  it.skipIf(!existsSync(join(CLIENT_DIST, 'index.html')))(
    'serves the built client from client/dist by default (skipped when the client has not been built)',
    async () => {
      const real = await startInProcessServer();
      try {
        const page = await fetch(`${real.httpUrl}/b/anything`);
        expect(page.status).toBe(200);
        expect(page.headers.get('content-type')).toMatch(/text\/html/);
        expect(await page.text()).toMatch(/<div id="root"/);
      } finally {
        await real.dispose();
      }
    },
  );
});

function fail(): never {
  throw new Error('missing client');
}

describe('POST /api/boards from one address', () => {
  it('is refused with 429, in plain words, once the address has created its allowance for the hour', async () => {
    const limited = await startInProcessServer({ boardCreationLimits: { maxEvents: 3, windowMs: 3_600_000, maxTracked: 10 } });
    try {
      const create = () =>
        fetch(`${limited.httpUrl}/api/boards`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title: 'Another board' }),
        });
      for (let i = 0; i < 3; i++) expect((await create()).status).toBe(201);
      const refused = await create();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3_000);
      const body = (await refused.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('too_many_boards');
      expect(body.error.message).toMatch(
        /^Many boards were created from this network in the last hour\. Try again in 60 minutes/,
      );
    } finally {
      await limited.dispose();
    }
  });
});
