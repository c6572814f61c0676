import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DATABASE_FILE } from '@costudio/server';
import { afterEach, describe, expect, it } from 'vitest';
import { type BoardClient, connectBoardClient } from '../support/boardClient.ts';
import { missingChanges } from '../support/boardState.ts';
import { startBusyWriters } from '../support/busyWriters.ts';
import { type ChildServer, spawnServer } from '../support/childServer.ts';
import { createTempDir, type TempDir } from '../support/tempDir.ts';
import { waitFor } from '../support/waitFor.ts';

const CLI = fileURLToPath(new URL('../../server/src/cli.ts', import.meta.url));
const TSX = createRequire(fileURLToPath(new URL('../../server/package.json', import.meta.url))).resolve('tsx');
const BOARD = 'backed-up';

const children: ChildServer[] = [];
const clients: BoardClient[] = [];
const dirs: TempDir[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const child of children.splice(0)) {
    child.kill('SIGKILL');
    await child.exited;
  }
  for (const dir of dirs.splice(0)) await dir.remove();
});

async function tempDir(): Promise<string> {
  const dir = await createTempDir('costudio-backup-');
  dirs.push(dir);
  return dir.path;
}

/** `costudio <args>` as an operator runs it, without blocking the test's own event loop. */
function costudio(dataDir: string, ...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, ['--import', TSX, CLI, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, COSTUDIO_SECRET: '' },
    timeout: 60_000,
  });
}

describe('costudio backup and restore', () => {
  it('backs up a live server under writes and restores every edit acknowledged before the backup, and its links key', async () => {
    const liveDir = await tempDir();
    const live = await spawnServer({ dataDir: liveDir });
    children.push(live);
    const writers = [0, 1].map(() => connectBoardClient(live.syncUrl, BOARD, { saved: true }));
    clients.push(...writers);
    await Promise.all(writers.map((writer) => writer.whenSynced()));
    const busy = startBusyWriters(
      writers.map((writer) => writer.doc),
      { intervalMs: 3 },
    );
    let acknowledged: Map<number, number>;
    let backupDir: string;
    try {
      await waitFor(() => writers.every((writer) => (writer.saved.get(writer.doc.clientID) ?? 0) > 50), {
        what: 'both writers to have edits acknowledged as saved',
      });
      acknowledged = new Map(writers.map((writer) => [writer.doc.clientID, writer.saved.get(writer.doc.clientID) ?? 0]));
      backupDir = join(await tempDir(), 'backup');
      const editsBefore = busy.edits();
      const { stderr } = await costudio(liveDir, 'backup', backupDir);
      expect(stderr).toMatch(/Backed up 1 boards to /);
      // The writers kept typing while the backup ran: it was taken under writes.
      expect(busy.edits()).toBeGreaterThan(editsBefore);
    } finally {
      busy.stop();
    }
    expect(readdirSync(backupDir).sort()).toEqual([DATABASE_FILE, 'manifest.json', 'secret.key']);
    expect(JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8'))).toMatchObject({
      format: 'costudio-backup',
      boards: 1,
      secret: 'file',
    });

    const restoredDir = await tempDir();
    const { stderr } = await costudio(restoredDir, 'restore', backupDir);
    expect(stderr).toMatch(/Restored 1 boards/);
    expect(readFileSync(join(restoredDir, 'secret.key'))).toEqual(readFileSync(join(liveDir, 'secret.key')));
    // A second restore over it is refused: it would replace a database.
    await expect(costudio(restoredDir, 'restore', backupDir)).rejects.toMatchObject({ code: 1 });

    const restored = await spawnServer({ dataDir: restoredDir });
    children.push(restored);
    const verifier = connectBoardClient(restored.syncUrl, BOARD);
    clients.push(verifier);
    await verifier.whenSynced();
    expect(missingChanges(acknowledged, verifier.doc)).toEqual([]);
    expect(existsSync(join(backupDir, `${DATABASE_FILE}-wal`))).toBe(false);
  });

  it('explains itself: --help for the command and each subcommand, exit 2 on bad usage', async () => {
    const dir = await tempDir();
    const help = await costudio(dir, '--help');
    for (const command of ['serve', 'backup', 'restore', 'links', 'admin']) expect(help.stdout).toContain(`  ${command} `);
    for (const command of ['backup', 'restore', 'links', 'admin']) {
      expect((await costudio(dir, command, '--help')).stdout).toMatch(new RegExp(`^costudio ${command} `));
    }
    expect((await costudio(dir, 'serve', '--help')).stdout).toContain('DATA_DIR');
    await expect(costudio(dir, 'frobnicate')).rejects.toMatchObject({ code: 2 });
    await expect(costudio(dir, 'backup')).rejects.toMatchObject({ code: 2 });
  });
});
