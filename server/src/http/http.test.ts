import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_TITLE_LENGTH, readMeta } from '@costudio/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Real servers and sockets on a shared two-core machine: allow for a slow moment.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

import { type Harness, startHarness, synced } from '../../../tests/support/harness.ts';
import { waitFor } from '../../../tests/support/waitFor.ts';

let harness: Harness;
let clientDir: string;

beforeAll(async () => {
  clientDir = mkdtempSync(join(tmpdir(), 'costudio-client-'));
  mkdirSync(join(clientDir, 'assets'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Costudio</title>');
  writeFileSync(join(clientDir, 'assets', 'index-B4x9Qz1a.js'), 'console.log(1)');
  writeFileSync(join(clientDir, 'favicon.svg'), '<svg/>');
  harness = await startHarness({ clientDir });
});

afterAll(async () => {
  await harness.close();
  rmSync(clientDir, { recursive: true, force: true });
});

const get = (path: string, init?: RequestInit) => fetch(`${harness.server.url}${path}`, init);

function postBoard(body: string, contentType = 'application/json') {
  return get('/api/boards', { method: 'POST', headers: { 'content-type': contentType }, body });
}

const requestLogs = () => harness.logs.filter((line) => line.msg === 'request');

describe('HTTP endpoints', () => {
  it('answers /healthz with status and counts', async () => {
    const response = await get('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', rooms: expect.any(Number), connections: expect.any(Number) });
  });

  it('answers /readyz with 200 while storage answers', async () => {
    const response = await get('/readyz');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ready' });
  });

  it('logs one line per request: method, path without query or join code, status, duration', async () => {
    const before = requestLogs().length;
    await get('/api/nothing-here?token=s3cr3t&x=1');
    await get('/j/ABCD2345?token=t0ken');
    await waitFor(() => requestLogs().length >= before + 2, { what: 'two request log lines' });
    const lines = requestLogs().slice(before);
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', method: 'GET', path: '/api/nothing-here', status: 404 }),
      expect.objectContaining({ method: 'GET', path: '/j/[redacted]', status: expect.any(Number) }),
    ]);
    for (const line of lines) expect(line.durationMs).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(harness.logs)).not.toMatch(/s3cr3t|t0ken|ABCD2345/);
  });

  it('serves Prometheus metrics', async () => {
    const response = await get('/metrics');
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const name of [
      'costudio_rooms',
      'costudio_connections',
      'costudio_messages_in_total',
      'costudio_messages_out_total',
      'costudio_bytes_in_total',
      'costudio_bytes_out_total',
      'costudio_persist_seconds_bucket{le="+Inf"}',
      'costudio_refused_changes_undone_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(text).toContain(name);
    }
  });

  it('creates a board with its title so the first client sees it', async () => {
    const response = await postBoard(JSON.stringify({ title: '  Discharge planning  ' }));
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string; title: string; path: string };
    expect(body.title).toBe('Discharge planning');
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(body.path).toBe(`/b/${body.id}`);
    expect(response.headers.get('location')).toBe(body.path);
    const provider = harness.provider(body.id);
    await synced(provider);
    expect(readMeta(provider.doc).title).toBe('Discharge planning');
  });

  it.each([
    ['not JSON', '{title', 'application/json', 400, 'invalid_json'],
    ['no title', '{}', 'application/json', 400, 'invalid_title'],
    ['a blank title', '{"title":"   "}', 'application/json', 400, 'invalid_title'],
    ['a number title', '{"title":5}', 'application/json', 400, 'invalid_title'],
    ['an array', '[]', 'application/json', 400, 'invalid_title'],
    ['a too long title', JSON.stringify({ title: 'x'.repeat(MAX_TITLE_LENGTH + 1) }), 'application/json', 400, 'invalid_title'],
    ['form data', 'title=x', 'application/x-www-form-urlencoded', 415, 'unsupported_media_type'],
    ['a huge body', JSON.stringify({ title: 'x', pad: 'y'.repeat(100_000) }), 'application/json', 413, 'body_too_large'],
  ])('refuses %s with a clear JSON error', async (_name, body, type, status, code) => {
    const response = await postBoard(body, type);
    expect(response.status).toBe(status);
    const json = (await response.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe(code);
    expect(json.error.message.length).toBeGreaterThan(5);
  });

  it('allows only POST on /api/boards and 404s unknown API paths', async () => {
    const wrongMethod = await get('/api/boards');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect((await get('/api/nothing')).status).toBe(404);
  });

  it('serves the client with the SPA fallback for board pages', async () => {
    for (const path of ['/', '/b/some-board', '/b/some-board/']) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<title>Costudio</title>');
    }
    expect((await get('/b/not.valid')).status).toBe(404);
  });

  it('lets browsers keep hashed assets forever and revalidate the rest', async () => {
    const asset = await get('/assets/index-B4x9Qz1a.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const icon = await get('/favicon.svg');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
    const again = await get('/favicon.svg', { headers: { 'if-none-match': icon.headers.get('etag') ?? '' } });
    expect(again.status).toBe(304);
  });

  it('never serves files outside the client directory', async () => {
    for (const path of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fetc%2fpasswd', '/nope.js']) {
      expect((await get(path)).status).toBe(404);
    }
  });
});
