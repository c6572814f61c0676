import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { BOARD_LOCKED_KEY, createNote, FACILITATION_MAP, LOCKED_LANES_KEY, PRIVATE_WRITING_KEY } from '@costudio/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { type ApiCall, callApi } from '../support/linksApi.ts';
import { eventually } from '../support/waitFor.ts';

const run = promisify(execFile);
const SERVER_DIR = fileURLToPath(new URL('../../server', import.meta.url));
const ADMIN_CLI = join(SERVER_DIR, 'src/backup/adminCli.ts');
const TSX_LOADER = pathToFileURL(createRequire(join(SERVER_DIR, 'package.json')).resolve('tsx')).href;
const SECRET = 'abad1dea'.repeat(8);
const PHRASE = 'Ocelot-weather-6161 my mother waited hours';
const TITLE = 'Audit title never logged';

let server: InProcessServer;
const clients: BoardClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.dispose();
});

const api = (path: string, call?: ApiCall) => callApi(server.httpUrl, path, call);

interface Entry {
  action: string;
  actor: string;
  linkId: string | null;
  access: string | null;
  details: Record<string, unknown>;
  at: number;
}

describe('the audit log', () => {
  it('records facilitators’ and the operator’s actions with time, link and access, never content, and keeps them', async () => {
    server = await startInProcessServer({ requireLinks: true, secret: SECRET, historyIntervalMs: 3_600_000 });
    const created = (await (await api('/api/boards', { body: { title: TITLE } })).json()) as {
      id: string;
      facilitatorLink: { id: string; token: string };
    };
    const { id: boardId } = created;
    const facilitator = created.facilitatorLink.token;
    const client = connectBoardClient(server.syncUrl, boardId, { params: { token: facilitator }, saved: true });
    clients.push(client);
    await client.whenSynced();
    const note = createNote(client.doc, { lane: 'define', text: PHRASE, author: 'Pat Person', authorRole: 'lay' });
    await eventually(() => expect(client.allOwnChangesSaved()).toBe(true));

    const made = (await (await api(`/api/boards/${boardId}/links`, { token: facilitator, body: { access: 'edit' } })).json()) as {
      id: string;
      token: string;
    };
    expect((await api(`/api/boards/${boardId}/links/${made.id}`, { method: 'DELETE', token: facilitator })).status).toBe(200);
    const saved = (await (await api(`/api/boards/${boardId}/history`, { token: facilitator, body: { name: 'V' } })).json()) as {
      version: { id: number };
    };
    expect(
      (await api(`/api/boards/${boardId}/history/${saved.version.id}/restore`, { token: facilitator, body: {} })).status,
    ).toBe(200);
    expect((await api(`/api/boards/${boardId}/export`, { token: facilitator })).status).toBe(200);
    expect((await api(`/api/boards/${boardId}/private-rooms`, { token: facilitator })).status).toBe(200);
    expect((await api(`/api/boards/${boardId}/erase`, { token: facilitator, body: { noteIds: [note] } })).status).toBe(200);
    // Refused calls are not audited.
    expect((await api(`/api/boards/${boardId}/erase`, { token: made.token, body: { noteIds: [note] } })).status).toBe(403);

    // Facilitators read it; other links are refused with a reason.
    const view = (await (await api(`/api/boards/${boardId}/links`, { token: facilitator, body: { access: 'view' } })).json()) as {
      token: string;
    };
    const refused = await api(`/api/boards/${boardId}/audit`, { token: view.token });
    expect(refused.status).toBe(403);
    const read = await api(`/api/boards/${boardId}/audit`, { token: facilitator });
    expect(read.status).toBe(200);
    const { entries } = (await read.json()) as { entries: Entry[] };
    expect(entries.map((entry) => entry.action)).toEqual([
      'board-created',
      'link-created',
      'link-revoked',
      'version-saved',
      'version-restored',
      'board-exported',
      'private-rooms-listed',
      'contributions-erased',
      'link-created',
    ]);
    const byFacilitator = entries.slice(1);
    for (const entry of byFacilitator)
      expect(entry).toMatchObject({ actor: 'link', linkId: created.facilitatorLink.id, access: 'facilitate' });
    expect(entries[2]?.details).toEqual({ revokedLinkId: made.id });
    expect(entries[4]?.details).toEqual({ versionId: saved.version.id });
    const raw = JSON.stringify(entries);
    for (const secret of [PHRASE, TITLE, 'Pat Person', facilitator]) expect(raw).not.toContain(secret);

    expect(
      (await api(`/api/boards/${boardId}`, { method: 'DELETE', token: facilitator, body: { confirmTitle: TITLE } })).status,
    ).toBe(200);
    for (const each of clients.splice(0)) each.destroy();
    const { dataDir } = server;
    await server.close();

    // The operator exports it after a restart: the deletion is recorded, as JSON lines and CSV.
    const env = { ...process.env, DATA_DIR: dataDir };
    const cli = (args: string[]) => run(process.execPath, ['--import', TSX_LOADER, ADMIN_CLI, ...args], { env });
    const jsonl = (await cli(['audit-export', '--board', boardId])).stdout.trim().split('\n');
    const exported = jsonl.map((line) => JSON.parse(line) as Entry & { time: string });
    expect(exported.map((entry) => entry.action)).toEqual([...entries.map((entry) => entry.action), 'board-deleted']);
    expect(exported.at(-1)).toMatchObject({ actor: 'link', linkId: created.facilitatorLink.id, access: 'facilitate' });
    expect(new Date(exported[0]?.time ?? '').getTime()).toBe(exported[0]?.at);
    const csv = (await cli(['audit-export', '--format', 'csv'])).stdout.trim().split('\r\n');
    expect(csv[0]).toBe('id,time,at,boardId,action,actor,linkId,access,details');
    expect(csv).toHaveLength(exported.length + 1);
    expect(csv.at(-1)).toContain('"board-deleted"');
    await expect(cli(['audit-export', '--format', 'xml'])).rejects.toMatchObject({ code: 2 });
    expect(await cli(['audit-export', '--since', '2999-01-01'])).toMatchObject({ stdout: '' });
  });

  it('records the board and its lanes being locked and unlocked, with the lanes by id', async () => {
    server = await startInProcessServer({ requireLinks: true, secret: SECRET });
    const created = (await (await api('/api/boards', { body: { title: TITLE } })).json()) as {
      id: string;
      facilitatorLink: { token: string };
    };
    const token = created.facilitatorLink.token;
    const board = connectBoardClient(server.syncUrl, created.id, { params: { token } });
    const controls = connectBoardClient(server.syncUrl, `${created.id}__facilitation`, { params: { token } });
    clients.push(board, controls);
    await Promise.all([board.whenSynced(), controls.whenSynced()]);
    const facilitation = controls.doc.getMap(FACILITATION_MAP);
    const actions = async () => {
      const read = await api(`/api/boards/${created.id}/audit`, { token });
      const { entries } = (await read.json()) as { entries: Entry[] };
      return entries.filter((entry) => entry.action !== 'board-created').map((entry) => [entry.action, entry.details]);
    };

    facilitation.set(LOCKED_LANES_KEY, ['decide', 'evaluate']);
    await eventually(async () => expect(await actions()).toEqual([['lanes-locked', { lanes: 'decide,evaluate' }]]));
    facilitation.set(BOARD_LOCKED_KEY, true);
    facilitation.set(LOCKED_LANES_KEY, []);
    await eventually(async () =>
      expect(await actions()).toEqual([
        ['lanes-locked', { lanes: 'decide,evaluate' }],
        ['board-locked', {}],
        ['lanes-locked', { lanes: '' }],
      ]),
    );
  });

  it('records a facilitator opening a participant’s private room, not the author writing in it', async () => {
    server = await startInProcessServer({ requireLinks: true, secret: SECRET });
    const created = (await (await api('/api/boards', { body: { title: 'Private' } })).json()) as {
      id: string;
      facilitatorLink: { id: string; token: string };
    };
    const facilitator = created.facilitatorLink.token;
    const edit = (await (
      await api(`/api/boards/${created.id}/links`, { token: facilitator, body: { access: 'edit' } })
    ).json()) as {
      token: string;
    };
    // A new private room is made only while private writing is on (issue 13).
    const controls = connectBoardClient(server.syncUrl, `${created.id}__facilitation`, { params: { token: facilitator } });
    clients.push(controls);
    await controls.whenSynced();
    controls.doc.getMap(FACILITATION_MAP).set(PRIVATE_WRITING_KEY, true);
    const room = `${created.id}__private__abcdefghijklmnopqrstuvwx`;
    for (const token of [edit.token, facilitator]) {
      const client = connectBoardClient(server.syncUrl, room, { params: { token } });
      clients.push(client);
      await client.whenSynced();
    }
    const { entries } = (await (await api(`/api/boards/${created.id}/audit`, { token: facilitator })).json()) as {
      entries: Entry[];
    };
    expect(entries.filter((entry) => entry.action === 'private-room-opened')).toMatchObject([
      { actor: 'link', linkId: created.facilitatorLink.id, access: 'facilitate' },
    ]);
  });
});
