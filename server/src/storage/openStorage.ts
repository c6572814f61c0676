import { PostgresStorage } from './postgres/PostgresStorage.ts';
import { SqliteStorage } from './SqliteStorage.ts';
import type { Storage, StorageConfig } from './Storage.ts';

/**
 * Opens the storage that the configuration names: the one place a backend is chosen. Async
 * because a networked backend connects and migrates before it is usable.
 */
export async function openStorage(config: StorageConfig): Promise<Storage> {
  switch (config.kind) {
    case 'sqlite': {
      const { kind: _kind, dataDir, ...options } = config;
      return SqliteStorage.open(dataDir, options);
    }
    case 'postgres': {
      const { kind: _kind, url, ...options } = config;
      return PostgresStorage.open(url, options);
    }
  }
}
