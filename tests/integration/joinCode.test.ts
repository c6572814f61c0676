import { get as httpGet } from 'node:http';
import { createNote, readNotes } from '@costudio/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { waitFor } from '../support/waitFor.ts';

/** The short address the projector shows: `/j/<code>` redirects to the link's page. */

interface IssuedLink {
  id: string;
  token: string;
  path: string;
  code: string;
  joinPath: string;
}

let server: InProcessServer;
const clients: BoardClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
});

async function createBoard(): Promise<{ id: string; facilitatorToken: string }> {
  const response = await fetch(`${server.httpUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Join codes' }),
  });
  const body = (await response.json()) as { id: string; facilitatorLink: IssuedLink };
  return { id: body.id, facilitatorToken: body.facilitatorLink.token };
}

async function makeEditLink(boardId: string, facilitatorToken: string): Promise<IssuedLink> {
  const response = await fetch(`${server.httpUrl}/api/boards/${boardId}/links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${facilitatorToken}` },
    body: JSON.stringify({ access: 'edit', label: 'Projector' }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as IssuedLink;
}

function openCode(code: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.httpUrl}/j/${code}`, { redirect: 'manual', headers });
}

describe('join codes', () => {
  it('redirect to a link that joins the board with edit rights, whatever the case typed', async () => {
    server = await startInProcessServer({ requireLinks: true });
    const board = await createBoard();
    const link = await makeEditLink(board.id, board.facilitatorToken);
    expect(link.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    expect(link.joinPath).toBe(`/j/${link.code}`);

    for (const typed of [link.code, link.code.toLowerCase(), `${link.code.slice(0, 4)}-${link.code.slice(4)}`]) {
      const response = await openCode(typed);
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toMatch(new RegExp(`^/b/${board.id}#token=`));
    }

    const location = (await openCode(link.code.toLowerCase())).headers.get('location') ?? '';
    const token = decodeURIComponent(location.split('#token=')[1] ?? '');
    const joined = connectBoardClient(server.syncUrl, board.id, { params: { token } });
    const watcher = connectBoardClient(server.syncUrl, board.id, { params: { token: board.facilitatorToken } });
    clients.push(joined, watcher);
    await Promise.all([joined.whenSynced(), watcher.whenSynced()]);
    createNote(joined.doc, { lane: 'define', text: 'typed from the back row', author: 'Lee', authorRole: 'lay' }, 'test');
    await waitFor(() => readNotes(watcher.doc).some((note) => note.text === 'typed from the back row'), {
      what: 'the note written through the join code to reach the facilitator',
    });
  });

  it('answers a revoked link’s code with 410 and an unknown code with 404, in plain words', async () => {
    server = await startInProcessServer({ requireLinks: true });
    const board = await createBoard();
    const link = await makeEditLink(board.id, board.facilitatorToken);
    const revoke = await fetch(`${server.httpUrl}/api/boards/${board.id}/links/${link.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${board.facilitatorToken}` },
    });
    expect(revoke.status).toBe(200);

    const revoked = await openCode(link.code);
    expect(revoked.status).toBe(410);
    expect(revoked.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await revoked.text()).toContain('This link has been switched off. Ask the facilitator for a new one.');

    const expiring = await fetch(`${server.httpUrl}/api/boards/${board.id}/links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${board.facilitatorToken}` },
      body: JSON.stringify({ access: 'edit', expiresAt: Date.now() + 300 }),
    });
    const expiringCode = ((await expiring.json()) as IssuedLink).code;
    const expired = await waitFor(
      async () => {
        const response = await openCode(expiringCode);
        return response.status === 410 ? response : null;
      },
      { what: 'the expired code to be refused' },
    );
    expect(await expired.text()).toContain('has expired');

    const unknownCode = link.code === '23456789' ? '98765432' : '23456789';
    for (const code of [unknownCode, 'not-a-code', '%E0%A4%A']) {
      const unknown = await openCode(code);
      expect(unknown.status).toBe(404);
      const text = await unknown.text();
      expect(text).toContain('no such code');
      expect(text).not.toMatch(/at .*\.ts:\d+/);
    }
    // A browser set to Welsh reads the page in Welsh.
    const welsh = await (await openCode(unknownCode, { 'accept-language': 'cy-GB,cy;q=0.9,en;q=0.8' })).text();
    expect(welsh).toContain('<html lang="cy"');
    expect(welsh).toContain('Does dim cod o’r fath.');
    expect(welsh).not.toContain('no such code');
  });

  it('make an address that tried 20 wrong codes wait, even for a right one, while others can still join', async () => {
    server = await startInProcessServer({ requireLinks: true });
    const board = await createBoard();
    const link = await makeEditLink(board.id, board.facilitatorToken);
    const wrong = link.code === '23456789' ? '98765432' : '23456789';
    for (let i = 0; i < 20; i++) expect((await openCode(wrong)).status).toBe(404);

    const refused = await openCode(link.code);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(500);
    expect(await refused.text()).toContain('Too many codes were tried from this network. Wait 10 minutes');
    const welsh = await (await openCode(link.code, { 'accept-language': 'cy' })).text();
    expect(welsh).toContain('Rhoddwyd cynnig ar ormod o godau o’r rhwydwaith hwn. Arhoswch 10 munud');

    // Someone else in the room, on another address, still gets in.
    const fromElsewhere = await getFrom('127.0.0.2', `/j/${link.code}`);
    expect(fromElsewhere.status).toBe(302);
  });
});

/** A GET sent from another loopback address, as another device would. */
function getFrom(localAddress: string, path: string): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const request = httpGet(`${server.httpUrl}${path}`, { localAddress }, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0 });
    });
    request.on('error', reject);
  });
}
