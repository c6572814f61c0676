/**
 * A whole deployment's backup and restore: the SQLite database, copied online with SQLite's
 * backup API while the server keeps writing, and the key that signs share links, so every link
 * handed out keeps working after a restore. (With PostgreSQL, pg_dump is the documented path.)
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SECRET_FILE } from '../auth/serverSecret.ts';
import { DATABASE_FILE } from '../storage/SqliteDatabase.ts';

export const MANIFEST_FILE = 'manifest.json';

export interface BackupManifest {
  readonly format: 'costudio-backup';
  readonly version: 1;
  readonly createdAt: string;
  /** `PRAGMA user_version` of the copied database (the storage layout version). */
  readonly storageVersion: number;
  readonly boards: number;
  /** Where the link-signing key is: copied beside the database, or set in COSTUDIO_SECRET (not copied). */
  readonly secret: 'file' | 'environment' | 'none';
}

export class BackupError extends Error {}

/**
 * Copies `dataDir`'s database and secret key into `destDir` (created; must not hold a backup).
 * Safe beside a running server: the copy is one consistent read of the database as of the moment
 * it ran, so every edit the server acknowledged before then is in it.
 */
export async function backupDeployment(
  dataDir: string,
  destDir: string,
  options: { secretInEnvironment?: boolean } = {},
): Promise<BackupManifest> {
  const source = join(dataDir, DATABASE_FILE);
  if (!existsSync(source)) throw new BackupError(`No database at ${source}`);
  mkdirSync(destDir, { recursive: true });
  const target = join(destDir, DATABASE_FILE);
  if (existsSync(target)) throw new BackupError(`${destDir} already holds a backup; choose an empty directory`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // A step that copies every page at once: one read transaction, so the copy is consistent
    // even while the server commits (smaller steps restart whenever another process writes).
    await db.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  const checked = checkDatabase(partial);
  chmodSync(partial, 0o600);
  renameSync(partial, target);

  let secret: BackupManifest['secret'] = 'none';
  if (options.secretInEnvironment) secret = 'environment';
  else if (existsSync(join(dataDir, SECRET_FILE))) {
    copyFileSync(join(dataDir, SECRET_FILE), join(destDir, SECRET_FILE));
    chmodSync(join(destDir, SECRET_FILE), 0o600);
    secret = 'file';
  }
  const manifest: BackupManifest = {
    format: 'costudio-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    ...checked,
    secret,
  };
  writeFileSync(join(destDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Puts a backup made by `backupDeployment` into `dataDir`, with the server stopped. Refuses a
 * data directory that already holds a database unless `force` (which replaces it).
 */
export function restoreDeployment(backupDir: string, dataDir: string, options: { force?: boolean } = {}): BackupManifest {
  const manifest = readManifest(backupDir);
  const source = join(backupDir, DATABASE_FILE);
  checkDatabase(source);
  mkdirSync(dataDir, { recursive: true });
  const target = join(dataDir, DATABASE_FILE);
  if (existsSync(target) && !options.force) {
    throw new BackupError(`${dataDir} already holds a database; stop the server and pass --force to replace it`);
  }
  const partial = `${target}.restoring`;
  copyFileSync(source, partial);
  // The old database's WAL must not be replayed onto the restored file.
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(partial, target);
  if (manifest.secret === 'file') {
    copyFileSync(join(backupDir, SECRET_FILE), join(dataDir, SECRET_FILE));
    chmodSync(join(dataDir, SECRET_FILE), 0o600);
  }
  return manifest;
}

function readManifest(backupDir: string): BackupManifest {
  let manifest: Partial<BackupManifest>;
  try {
    manifest = JSON.parse(readFileSync(join(backupDir, MANIFEST_FILE), 'utf8'));
  } catch {
    throw new BackupError(`${backupDir} is not a Costudio backup (no readable ${MANIFEST_FILE})`);
  }
  if (manifest.format !== 'costudio-backup' || manifest.version !== 1) {
    throw new BackupError(`${backupDir} holds a backup format this Costudio does not know`);
  }
  return manifest as BackupManifest;
}

/** Opens a database file on its own and checks it is whole; returns what the manifest records. */
function checkDatabase(file: string): { storageVersion: number; boards: number } {
  const db = new Database(file, { fileMustExist: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`${file} failed SQLite's quick_check: ${String(check)}`);
    const storageVersion = Number(db.pragma('user_version', { simple: true }));
    const { boards } = db.prepare('SELECT count(*) AS boards FROM snapshots').get() as { boards: number };
    // Leave the file alone, not in WAL mode with -wal and -shm beside it.
    db.pragma('journal_mode = DELETE');
    return { storageVersion, boards };
  } finally {
    db.close();
  }
}
