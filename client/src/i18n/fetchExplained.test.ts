import { translator } from '@costudio/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchJson } from './fetchExplained.ts';

const cy = translator('cy');
const answer = (body: string, status: number) => () => Promise.resolve(new Response(body, { status }));

afterEach(() => vi.unstubAllGlobals());

describe('fetchJson', () => {
  it('reads a refusal by its code, in the reader’s language', async () => {
    vi.stubGlobal('fetch', answer('{"error":{"code":"link_expired","message":"This link has expired"}}', 401));
    await expect(fetchJson('/api/x', {}, cy)).rejects.toThrow(cy.t('serverError.link_expired'));
  });

  it('says the server could not be reached instead of the browser’s “Failed to fetch”', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(fetchJson('/api/x', {}, cy)).rejects.toThrow(cy.t('serverError.unreachable'));
  });

  it('gives the caller’s message for an unknown code, and for an answer that is not JSON', async () => {
    vi.stubGlobal('fetch', answer('{"error":{"code":"new_in_v9","message":"English"}}', 400));
    await expect(fetchJson('/api/x', {}, cy, 'Methodd.')).rejects.toThrow('Methodd.');
    vi.stubGlobal('fetch', answer('<html>Bad gateway</html>', 200));
    await expect(fetchJson('/api/x', {}, cy)).rejects.toThrow(cy.t('serverError.unknown'));
  });

  it('returns the JSON of a good answer', async () => {
    vi.stubGlobal('fetch', answer('{"rooms":["a"]}', 200));
    expect(await fetchJson<{ rooms: string[] }>('/api/x', {}, cy)).toEqual({ rooms: ['a'] });
  });
});
