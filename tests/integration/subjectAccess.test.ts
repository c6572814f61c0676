import { createAnonymousNote, createNote, joinBoard, openVote, placeDot } from '@costudio/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { eventually } from '../support/waitFor.ts';

let server: InProcessServer;
const clients: BoardClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
});

async function api(path: string, token?: string, body?: unknown): Promise<Response> {
  return fetch(`${server.httpUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('subject access', () => {
  it('gives a facilitator everything one person wrote or voted, as JSON and Markdown, and audits it', async () => {
    server = await startInProcessServer({ requireLinks: true, secret: 'cafebabe'.repeat(8) });
    const created = (await (await api('/api/boards', undefined, { title: 'Clinic' })).json()) as {
      id: string;
      facilitatorLink: { token: string };
    };
    const boardId = created.id;
    const facilitator = created.facilitatorLink.token;
    const edit = (
      (await (await api(`/api/boards/${boardId}/links`, facilitator, { access: 'edit' })).json()) as { token: string }
    ).token;
    const client = connectBoardClient(server.syncUrl, boardId, { params: { token: facilitator }, saved: true });
    clients.push(client);
    await client.whenSynced();
    joinBoard(client.doc, { participantId: 'alicePid', role: 'lay' });
    const named = createNote(client.doc, { lane: 'define', text: 'Parking is impossible', author: 'Alice', authorRole: 'lay' });
    createAnonymousNote(client.doc, { lane: 'define', text: 'Said anonymously', authorRole: 'lay' });
    createNote(client.doc, { lane: 'design', text: 'Someone else', author: 'Bob', authorRole: 'lay' });
    const vote = openVote(client.doc, { scope: 'board', title: 'Priorities' });
    placeDot(client.doc, { voteId: vote, participantId: 'alicePid', role: 'lay', noteId: named });
    await eventually(() => expect(client.allOwnChangesSaved()).toBe(true));

    const path = `/api/boards/${boardId}/subject-access?author=Alice&participantId=alicePid`;
    expect((await api(path, edit)).status).toBe(403);
    expect((await api(`/api/boards/${boardId}/subject-access`, facilitator)).status).toBe(400);
    const json = (await (await api(path, facilitator)).json()) as {
      notes: { text: string; lane: string }[];
      dots: { voteTitle: string; noteId: string }[];
      participant: { role: string } | null;
    };
    expect(json.notes.map((note) => [note.lane, note.text])).toEqual([['Define', 'Parking is impossible']]);
    expect(json.dots).toMatchObject([{ voteTitle: 'Priorities', noteId: named }]);
    expect(json.participant?.role).toBe('lay');
    const markdown = await api(`${path}&format=md`, facilitator);
    expect(markdown.headers.get('content-type')).toMatch(/^text\/markdown/);
    const page = await markdown.text();
    expect(page).toContain('Parking is impossible');
    expect(page).not.toContain('Said anonymously');
    expect(page).not.toContain('Someone else');
    expect(page).toContain('## Your notes (1)');

    expect((await api(`${path}&format=md&lang=xx`, facilitator)).status).toBe(400);
    const welsh = await api(`${path}&format=md&lang=cy`, facilitator);
    expect(welsh.headers.get('content-language')).toBe('cy');
    const tudalen = await welsh.text();
    expect(tudalen).toContain('## Eich nodiadau (1)');
    expect(tudalen).toContain('- Diffinio, ');
    expect(tudalen).toContain('Parking is impossible');
    expect(tudalen).not.toMatch(/Your notes|Taking part|\bRole\b|\bDefine\b/);
    const audit = (await (await api(`/api/boards/${boardId}/audit`, facilitator)).json()) as { entries: { action: string }[] };
    expect(audit.entries.filter((entry) => entry.action === 'subject-access-exported')).toHaveLength(3);
  });
});
