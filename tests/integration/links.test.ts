import { CloseCode, createNote, readNotes } from '@costudio/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { signShareToken } from '../../server/src/auth/shareToken.ts';
import { createLogger } from '../../server/src/log.ts';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { endOf, openRawSocket } from '../support/rawSocket.ts';
import { waitFor } from '../support/waitFor.ts';

const SECRET = 'c0ffee'.repeat(11);

interface IssuedLink {
  id: string;
  access: string;
  token: string;
  path: string;
}

let server: InProcessServer;
const clients: BoardClient[] = [];
const logLines: string[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
  logLines.length = 0;
});

async function start(): Promise<void> {
  server = await startInProcessServer({
    requireLinks: true,
    secret: SECRET,
    logger: createLogger('debug', (line) => logLines.push(line)),
  });
}

async function createBoard(): Promise<{ id: string; facilitator: IssuedLink }> {
  const response = await fetch(`${server.httpUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Links' }),
  });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { id: string; facilitatorLink: IssuedLink };
  expect(body.facilitatorLink.access).toBe('facilitate');
  expect(body.facilitatorLink.path).toBe(`/b/${body.id}#token=${body.facilitatorLink.token}`);
  return { id: body.id, facilitator: body.facilitatorLink };
}

async function api(path: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  return fetch(`${server.httpUrl}${path}`, { ...init, headers });
}

async function makeLink(boardId: string, facilitatorToken: string, body: object): Promise<IssuedLink> {
  const response = await api(`/api/boards/${boardId}/links`, {
    method: 'POST',
    token: facilitatorToken,
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as IssuedLink;
}

function join(boardId: string, token: string): BoardClient {
  const client = connectBoardClient(server.syncUrl, boardId, { params: { token } });
  clients.push(client);
  return client;
}

/** Opens a socket with `token` and resolves with the close code the relay refuses it with. */
async function refusalOf(boardId: string, token: string | null): Promise<number> {
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  const socket = openRawSocket(server.httpUrl, `/sync/${boardId}${query}`);
  return (await endOf(socket)).code;
}

describe('share links', () => {
  it('a view-only stock client sends edits that neither the server nor anyone else ever sees', async () => {
    await start();
    const board = await createBoard();
    const edit = await makeLink(board.id, board.facilitator.token, { access: 'edit', label: 'Group' });
    const view = await makeLink(board.id, board.facilitator.token, { access: 'view', label: 'Observers' });

    const editor = join(board.id, edit.token);
    const viewer = join(board.id, view.token);
    await Promise.all([editor.whenSynced(), viewer.whenSynced()]);
    createNote(editor.doc, { lane: 'define', text: 'allowed', author: 'Ann', authorRole: 'practitioner' }, 'test');
    await waitFor(() => readNotes(viewer.doc).some((note) => note.text === 'allowed'), { what: 'the viewer to see the edit' });

    // The modified client writes anyway; the stock provider sends the update.
    createNote(viewer.doc, { lane: 'decide', text: 'smuggled', author: 'Eve', authorRole: 'lay' }, 'test');
    viewer.doc.getMap('meta').set('title', 'Taken over');
    // Awareness sent after the update on the same socket: once the editor sees it, the relay has
    // handled the update too (it handles one socket's frames in order).
    viewer.provider.awareness.setLocalStateField('marker', 'after-the-edits');
    await waitFor(() => [...editor.provider.awareness.getStates().values()].some((s) => s.marker === 'after-the-edits'), {
      what: "the viewer's presence to reach the editor",
    });

    const late = join(board.id, edit.token);
    await late.whenSynced();
    for (const doc of [editor.doc, late.doc]) {
      expect(readNotes(doc).map((note) => note.text)).toEqual(['allowed']);
      expect(doc.getMap('meta').get('title')).toBe('Links');
    }
    // The viewer itself still holds its smuggled note: only the server refused it.
    expect(
      readNotes(viewer.doc)
        .map((note) => note.text)
        .sort(),
    ).toEqual(['allowed', 'smuggled']);
  });

  it('refuses missing, forged, altered, expired, wrong-board and revoked links with their codes', async () => {
    await start();
    const board = await createBoard();
    const other = await createBoard();
    const edit = await makeLink(board.id, board.facilitator.token, { access: 'edit' });

    expect(await refusalOf(board.id, null)).toBe(CloseCode.UNAUTHORIZED);
    const forged = signShareToken({ board: board.id, access: 'facilitate', linkId: edit.id }, Buffer.alloc(32, 7));
    expect(await refusalOf(board.id, forged)).toBe(CloseCode.UNAUTHORIZED);
    const [, signature] = edit.token.split('.');
    const raised = Buffer.from(JSON.stringify({ v: 1, b: board.id, a: 'facilitate', l: edit.id })).toString('base64url');
    expect(await refusalOf(board.id, `${raised}.${signature}`)).toBe(CloseCode.UNAUTHORIZED);
    const expired = signShareToken(
      { board: board.id, access: 'edit', linkId: edit.id, expiresAt: Date.now() - 1 },
      Buffer.from(SECRET, 'hex'),
    );
    expect(await refusalOf(board.id, expired)).toBe(CloseCode.LINK_EXPIRED);
    expect(await refusalOf(other.id, edit.token)).toBe(CloseCode.FORBIDDEN);

    // Revoking disconnects the people using the link, and the link stays off.
    const holder = join(board.id, edit.token);
    await holder.whenSynced();
    const revoked = await api(`/api/boards/${board.id}/links/${edit.id}`, { method: 'DELETE', token: board.facilitator.token });
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as { disconnected: number }).disconnected).toBe(1);
    await waitFor(() => holder.closes.some((close) => close.code === CloseCode.LINK_REVOKED), {
      what: 'the revoked socket to close',
    });
    expect(await refusalOf(board.id, edit.token)).toBe(CloseCode.LINK_REVOKED);

    // No token ever reaches a log line.
    const logged = logLines.join('\n');
    expect(logged).toContain('connection refused');
    for (const token of [edit.token, forged, expired, board.facilitator.token]) expect(logged).not.toContain(token);
  });

  it('an expiring link works until it expires', async () => {
    await start();
    const board = await createBoard();
    const expiresAt = Date.now() + 1_000;
    const link = await makeLink(board.id, board.facilitator.token, { access: 'edit', expiresAt });
    const client = join(board.id, link.token);
    await client.whenSynced();
    client.destroy();
    await waitFor(() => Date.now() > expiresAt, { what: 'the expiry time', timeoutMs: 3_000 });
    expect(await refusalOf(board.id, link.token)).toBe(CloseCode.LINK_EXPIRED);
  });

  it('only the facilitator link manages links; every holder can ask what their link allows', async () => {
    await start();
    const board = await createBoard();
    const edit = await makeLink(board.id, board.facilitator.token, { access: 'edit' });
    const path = `/api/boards/${board.id}/links`;
    expect((await api(path)).status).toBe(401);
    expect((await api(path, { token: edit.token })).status).toBe(403);
    expect((await api(path, { method: 'POST', token: edit.token, body: '{"access":"facilitate"}' })).status).toBe(403);
    expect((await api(path, { method: 'POST', token: board.facilitator.token, body: '{"access":"owner"}' })).status).toBe(400);
    const listed = (await (await api(path, { token: board.facilitator.token })).json()) as { links: IssuedLink[] };
    expect(listed.links.map((link) => link.access)).toEqual(['facilitate', 'edit']);
    const access = await api(`/api/boards/${board.id}/access`, { token: edit.token });
    expect(await access.json()).toMatchObject({ boardId: board.id, access: 'edit' });
  });

  it('pages carry a Content-Security-Policy and no referrer', async () => {
    await start();
    const response = await fetch(`${server.httpUrl}/`);
    const policy = response.headers.get('content-security-policy') ?? '';
    // The client may not be built in this run; the headers are what this test is about.
    if (response.status === 200) {
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});
