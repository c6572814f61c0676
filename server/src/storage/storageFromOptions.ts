import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../log.ts';
import type { BoardStore } from './BoardStore.ts';
import type { HistoryStore } from './HistoryStore.ts';
import type { LinkStore } from './LinkStore.ts';
import { openStorage } from './openStorage.ts';
import { SqliteAuditStore } from './SqliteAuditStore.ts';
import { SqliteDatabase, type SqliteSynchronous } from './SqliteDatabase.ts';
import { SqliteLinkStore } from './SqliteLinkStore.ts';
import { SqlitePrivateRoomStore } from './SqlitePrivateRoomStore.ts';
import type { Storage, StorageConfig } from './Storage.ts';

/** Link records beside boards kept in another kind of store. */
export const LINKS_FILE = 'links.sqlite';

/** The storage-related options of startServer (see StartServerOptions for each). */
export interface StorageOptions {
  readonly storage?: Storage | undefined;
  readonly store?: BoardStore | undefined;
  readonly history?: HistoryStore | undefined;
  readonly linkStore?: LinkStore | undefined;
  readonly dataDir?: string | undefined;
  readonly sqliteSynchronous?: SqliteSynchronous | undefined;
  /** `postgres://…` (DATABASE_URL): every store in that PostgreSQL database instead of SQLite. */
  readonly databaseUrl?: string | undefined;
  /** Connections to PostgreSQL this process keeps at most (DATABASE_POOL_SIZE). */
  readonly databasePoolSize?: number | undefined;
  /** Where the PostgreSQL pool reports connections it lost. */
  readonly logger?: Logger | undefined;
}

/**
 * The server's storage, decided once from its options: a given `storage`; else, around a given
 * board `store`, links and private rooms in `dataDir/links.sqlite` (in memory without a data
 * directory) and no history; else the PostgreSQL storage at `databaseUrl`; else the SQLite
 * storage in `dataDir`. A given `history` or `linkStore` replaces that part. Closing it closes
 * only what was opened here.
 */
export async function storageFromOptions(options: StorageOptions, defaultDataDir: string): Promise<Storage> {
  const opened =
    options.storage === undefined
      ? options.store === undefined
        ? await openStorage(storageConfig(options, defaultDataDir))
        : storageBeside(options.store, options.dataDir ?? null)
      : null;
  const base = (options.storage ?? opened) as Storage;
  return {
    boards: base.boards,
    history: options.history ?? base.history,
    links: options.linkStore ?? base.links,
    privateRooms: base.privateRooms,
    ping: () => base.ping(),
    audit: base.audit,
    eraseFreedSpace: () => base.eraseFreedSpace(),
    close: async () => {
      await opened?.close();
    },
  };
}

function storageConfig(options: StorageOptions, defaultDataDir: string): StorageConfig {
  if (options.databaseUrl !== undefined) {
    return {
      kind: 'postgres',
      url: options.databaseUrl,
      ...(options.databasePoolSize === undefined ? {} : { poolSize: options.databasePoolSize }),
      ...(options.logger === undefined ? {} : { logger: options.logger }),
    };
  }
  return { kind: 'sqlite', dataDir: options.dataDir ?? defaultDataDir, synchronous: options.sqliteSynchronous ?? 'FULL' };
}

/** Links and private rooms for a board store of another kind; the board store is its owner's to close. */
function storageBeside(boards: BoardStore, dataDir: string | null): Storage {
  let file = ':memory:';
  if (dataDir !== null) {
    mkdirSync(dataDir, { recursive: true });
    file = join(dataDir, LINKS_FILE);
  }
  const database = new SqliteDatabase(file, { backgroundCheckpoints: false });
  try {
    const links = new SqliteLinkStore(database);
    const privateRooms = new SqlitePrivateRoomStore(database);
    // The board store is someone else's; what this storage can vouch for is its own file.
    const ping = async () => database.ping();
    const audit = new SqliteAuditStore(database);
    // The board store is another kind: it makes its own deletions final (see BoardStore.deleteBoard).
    const eraseFreedSpace = () => database.eraseFreedSpace();
    return { boards, history: null, links, privateRooms, ping, audit, eraseFreedSpace, close: () => database.close() };
  } catch (error) {
    void database.close();
    throw error;
  }
}
