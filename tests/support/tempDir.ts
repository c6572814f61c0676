import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A directory under os.tmpdir() that the test owns and removes afterwards. */
export interface TempDir {
  readonly path: string;
  remove(): Promise<void>;
}

export async function createTempDir(prefix = 'costudio-test-'): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return {
    path,
    // Retries cover SQLite's WAL files that a just-closed server may still be releasing.
    remove: () => rm(path, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }),
  };
}
