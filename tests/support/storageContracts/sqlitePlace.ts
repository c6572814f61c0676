import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../../server/src/storage/SqliteDatabase.ts';
import type { StorePlace } from './storePlace.ts';

/** A place for a SQLite store: a temporary directory; `open` opens the store on its database file. */
export function sqlitePlace<S extends { close(): Promise<void> }>(open: (file: string) => S): StorePlace<S> {
  const dir = mkdtempSync(join(tmpdir(), 'costudio-contract-'));
  return {
    open: () => open(join(dir, DATABASE_FILE)),
    destroy: () => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }),
  };
}
