import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PrivateRooms } from '../facilitation/PrivateRooms.ts';
import type { Authorize } from '../relay/authorize.ts';
import type { BoardStore } from '../storage/BoardStore.ts';
import { SqliteBoardStore } from '../storage/SqliteBoardStore.ts';
import type { LinkStore } from './LinkStore.ts';
import { type LinkMode, ShareLinks, tokenFrom } from './ShareLinks.ts';
import { SqliteLinkStore } from './SqliteLinkStore.ts';
import { loadServerSecret } from './serverSecret.ts';

/** Link records beside boards kept in another kind of store. */
export const LINKS_FILE = 'links.sqlite';

export interface ShareLinkSetup {
  readonly links: ShareLinks;
  /**
   * For facilitator-only HTTP tools (history, backups): the link's access, and in optional
   * mode "facilitate" for a request without a link, as before share links existed.
   */
  readonly authorizeHttp: Authorize;
  /** Private-writing rooms per board (same database as the links). */
  readonly privateRooms: PrivateRooms;
  close(): Promise<void>;
}

/**
 * Opens the link store (in the board database when it is SQLite) and the signing secret. With
 * no data directory (a custom store in a test), links live in memory under a one-off secret.
 */
export function setupShareLinks(options: {
  dataDir: string | null;
  store: BoardStore;
  mode: LinkMode;
  secret?: string | undefined;
  linkStore?: LinkStore | undefined;
}): ShareLinkSetup {
  const { dataDir } = options;
  const secret = dataDir === null && !options.secret ? randomBytes(32) : loadServerSecret(dataDir ?? '.', options.secret);
  let file: string;
  if (options.store instanceof SqliteBoardStore) file = options.store.file;
  else if (dataDir === null) file = ':memory:';
  else {
    mkdirSync(dataDir, { recursive: true });
    file = join(dataDir, LINKS_FILE);
  }
  const ownsLinkStore = options.linkStore === undefined;
  const store = options.linkStore ?? new SqliteLinkStore(file);
  const links = new ShareLinks(store, secret, options.mode);
  const privateRooms = new PrivateRooms(file);
  return {
    links,
    authorizeHttp: async ({ boardId, params, request }) => {
      const token = tokenFrom(params, request);
      if (!token && links.mode === 'optional') return { access: 'facilitate' };
      return links.check(boardId, token);
    },
    privateRooms,
    close: async () => {
      await privateRooms.close();
      if (ownsLinkStore) await store.close();
    },
  };
}
