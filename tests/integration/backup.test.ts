import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import {
  CURRENT_SCHEMA_VERSION,
  createNote,
  getNoteText,
  joinBoard,
  moveNote,
  openVote,
  placeDot,
  readMeta,
  readNotes,
  recordNoteEdit,
  setNoteColor,
} from '@costudio/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { type InProcessServer, startInProcessServer } from '../support/inProcessServer.ts';
import { createTempDir, type TempDir } from '../support/tempDir.ts';
import { eventually } from '../support/waitFor.ts';

const run = promisify(execFile);
const SERVER_DIR = fileURLToPath(new URL('../../server', import.meta.url));
const ADMIN_CLI = join(SERVER_DIR, 'src/backup/adminCli.ts');
// Node runs the CLI with tsx as a loader, as `pnpm admin` does through the tsx command.
const TSX_LOADER = pathToFileURL(createRequire(join(SERVER_DIR, 'package.json')).resolve('tsx')).href;

const clients: BoardClient[] = [];
const servers: InProcessServer[] = [];
const dirs: TempDir[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.dispose();
  for (const dir of dirs.splice(0)) await dir.remove();
});

async function start(dataDir?: string): Promise<InProcessServer> {
  const server = await startInProcessServer(dataDir === undefined ? {} : { dataDir });
  servers.push(server);
  return server;
}

async function post(server: InProcessServer, path: string, body: string): Promise<Response> {
  return fetch(`${server.httpUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

async function createBoard(server: InProcessServer, title: string): Promise<string> {
  const response = await post(server, '/api/boards', JSON.stringify({ title }));
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function open(server: InProcessServer, boardId: string): Promise<BoardClient> {
  const client = connectBoardClient(server.syncUrl, boardId, { saved: true });
  clients.push(client);
  await client.whenSynced();
  return client;
}

/** A board with everything a file must carry: notes of every kind, a vote with dots, participants, counters. */
function fillBoard(doc: Y.Doc): void {
  const origin = { test: 'fill' };
  const first = createNote(doc, { lane: 'define', text: 'Letters arrive late 📬', author: 'Ann', authorRole: 'lay' }, origin);
  const second = createNote(doc, { lane: 'design', text: 'Text reminders', author: 'Dr Bo', authorRole: 'practitioner' }, origin);
  createNote(doc, { lane: 'evaluate', text: 'Fewer missed visits', author: 'Cy', authorRole: 'lay' }, origin);
  moveNote(doc, second, { lane: 'decide' }, origin);
  setNoteColor(doc, first, 'pink', origin);
  joinBoard(doc, { participantId: 'p-ann', role: 'lay', now: 1_700_000_000_000 }, origin);
  const voteId = openVote(doc, { scope: 'board', dotsPerPerson: 3, now: 1_700_000_001_000 }, origin);
  placeDot(doc, { voteId, participantId: 'p-ann', role: 'lay', noteId: first, now: 1_700_000_002_000 }, origin);
  recordNoteEdit(doc, first, 'lay', origin);
}

describe('board backups as JSON', () => {
  it('round-trips export → import to an identical board', async () => {
    const server = await start();
    const boardId = await createBoard(server, 'Outpatient letters');
    const writer = await open(server, boardId);
    fillBoard(writer.doc);
    await eventually(() => expect(writer.allOwnChangesSaved()).toBe(true));

    const exported = await fetch(`${server.httpUrl}/api/boards/${boardId}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="Outpatient letters.costudio.json"');
    const file = (await exported.json()) as Record<string, unknown>;
    expect(file).toMatchObject({
      format: 'costudio-board',
      schemaVersion: CURRENT_SCHEMA_VERSION,
      meta: { title: 'Outpatient letters' },
    });
    expect(file.notes).toHaveLength(3);
    expect(Object.keys(file.votes as object)).toHaveLength(1);

    const imported = await post(server, '/api/boards/import', JSON.stringify(file));
    expect(imported.status).toBe(201);
    const created = (await imported.json()) as { id: string; path: string; notes: number; skipped: string[] };
    expect(created.id).not.toBe(boardId);
    expect(created).toMatchObject({ notes: 3, skipped: [], path: `/b/${created.id}` });

    // The new board, seen by a stock client, holds exactly the same notes and text.
    const reader = await open(server, created.id);
    expect(readMeta(reader.doc).title).toBe('Outpatient letters');
    const byId = (doc: Y.Doc) => readNotes(doc).sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(reader.doc)).toEqual(byId(writer.doc));

    const again = (await (await fetch(`${server.httpUrl}/api/boards/${created.id}/export`)).json()) as Record<string, unknown>;
    const { exportedAt: _a, ...before } = file;
    const { exportedAt: _b, ...after } = again;
    expect(after).toEqual(before);
  });

  it('repairs damaged notes and refuses files that are not boards, with clear errors', async () => {
    const server = await start();
    const repaired = await post(
      server,
      '/api/boards/import',
      JSON.stringify({
        format: 'costudio-board',
        schemaVersion: 1,
        meta: { title: 'Old board' },
        notes: [
          { id: 'a', lane: 'define', text: 'kept', color: 'tartan', x: 'left' },
          { id: 'b', lane: 'nowhere', text: 'no lane' },
          { lane: 'design', text: 'no id' },
        ],
      }),
    );
    expect(repaired.status).toBe(201);
    const body = (await repaired.json()) as { id: string; notes: number; skipped: string[] };
    expect(body.notes).toBe(1);
    expect(body.skipped).toHaveLength(2);
    const reader = await open(server, body.id);
    expect(readNotes(reader.doc)).toMatchObject([{ id: 'a', text: 'kept', color: 'yellow', x: 0 }]);
    expect(getNoteText(reader.doc, 'a')?.toString()).toBe('kept');

    const cases: [string, string, RegExp][] = [
      ['not JSON', '{"format":', /not valid JSON/],
      ['another format', JSON.stringify({ format: 'trello', notes: [] }), /not a Costudio board export/],
      ['a newer schema', JSON.stringify({ format: 'costudio-board', schemaVersion: 99, notes: [] }), /newer version of Costudio/],
      ['no notes', JSON.stringify({ format: 'costudio-board', schemaVersion: 2 }), /no "notes" list/],
    ];
    for (const [, text, message] of cases) {
      const response = await post(server, '/api/boards/import', text);
      expect(response.status).toBe(400);
      const error = ((await response.json()) as { error: { message: string } }).error;
      expect(error.message).toMatch(message);
    }
    expect((await fetch(`${server.httpUrl}/api/boards/nope/export`)).status).toBe(404);
  });
});

describe('admin command line', () => {
  it('exports a board from the database and imports it as a new one', async () => {
    const dir = await createTempDir();
    dirs.push(dir);
    const server = await start(dir.path);
    const boardId = await createBoard(server, 'Ward rounds');
    const writer = await open(server, boardId);
    fillBoard(writer.doc);
    await eventually(() => expect(writer.allOwnChangesSaved()).toBe(true));
    const expected = readNotes(writer.doc).sort((a, b) => a.id.localeCompare(b.id));

    const env = { ...process.env, DATA_DIR: dir.path };
    const cli = (args: string[]) => run(process.execPath, ['--import', TSX_LOADER, ADMIN_CLI, ...args], { env });
    // Beside the running server, as an administrator would, once through the package script.
    const listed = await run('pnpm', ['--silent', 'admin', 'list'], { cwd: SERVER_DIR, env });
    expect(listed.stdout.split('\n')).toContain(boardId);
    const file = join(dir.path, 'export.json');
    await cli(['export', boardId, file]);
    const json = JSON.parse(await readFile(file, 'utf8')) as { notes: unknown[]; meta: { title: string } };
    expect(json.meta.title).toBe('Ward rounds');
    expect(json.notes).toHaveLength(3);

    const imported = await cli(['import', file]);
    const newId = imported.stdout.trim();
    expect(newId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(imported.stderr).toMatch(/Imported "Ward rounds" with 3 notes/);
    const reader = await open(server, newId);
    expect(readNotes(reader.doc).sort((a, b) => a.id.localeCompare(b.id))).toEqual(expected);

    await writeFile(join(dir.path, 'bad.json'), '{"format":"x"}');
    const failed = await cli(['import', join(dir.path, 'bad.json')]).catch((error: { code: number; stderr: string }) => error);
    expect((failed as { code?: unknown }).code).toBe(1);
    expect((failed as { stderr: string }).stderr).toMatch(/not a Costudio board export/);
  });
});
