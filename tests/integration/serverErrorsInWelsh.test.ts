import { translator } from '@costudio/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listLinks } from '../../client/src/share/linksApi.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';

let server: InProcessServer;

afterEach(async () => {
  vi.unstubAllGlobals();
  await server?.dispose();
});

async function post<T>(path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${server.httpUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}

describe('a Welsh reader of a refused API call', () => {
  it('reads the refusal in Welsh, from its code, never the server’s English', async () => {
    server = await startInProcessServer({ requireLinks: true, secret: 'd00dfeed'.repeat(8) });
    const board = await post<{ id: string; facilitatorLink: { token: string } }>('/api/boards', { title: 'Clinig' });
    const facilitator = board.facilitatorLink.token;
    const edit = await post<{ id: string; token: string }>(`/api/boards/${board.id}/links`, { access: 'edit' }, facilitator);

    // The client's own API code, against the real server, on a device set to Welsh.
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (path: string, init?: RequestInit) => realFetch(`${server.httpUrl}${path}`, init));
    vi.stubGlobal('navigator', { languages: ['cy-GB', 'en-GB'] });
    const cy = translator('cy');

    // A share action only a facilitator may take: the server answers 403 not_facilitator.
    await expect(listLinks(board.id, edit.token)).rejects.toThrow(cy.t('serverError.not_facilitator'));

    // The same link once the facilitator switches it off: 401 link_revoked.
    const revoked = await realFetch(`${server.httpUrl}/api/boards/${board.id}/links/${edit.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${facilitator}` },
    });
    expect(revoked.status).toBe(200);
    const raw = await realFetch(`${server.httpUrl}/api/boards/${board.id}/links`, {
      headers: { authorization: `Bearer ${edit.token}` },
    });
    const body = (await raw.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('link_revoked');
    const failure = await listLinks(board.id, edit.token).then(
      () => new Error('listed the links of a revoked link'),
      (error: unknown) => error as Error,
    );
    expect(failure.message).toBe('Mae’r ddolen hon wedi’i diffodd. Gofynnwch i’r hwylusydd am un newydd.');
    expect(failure.message).not.toContain(body.error.message);
  });
});
