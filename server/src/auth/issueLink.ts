import { join } from 'node:path';
import type { Access } from '@costudio/shared';
import { SqliteBoardStore } from '../storage/SqliteBoardStore.ts';
import { DATABASE_FILE } from '../storage/SqliteDatabase.ts';
import { SqliteLinkStore } from '../storage/SqliteLinkStore.ts';
import { type IssuedLink, ShareLinks } from './ShareLinks.ts';
import { loadServerSecret } from './serverSecret.ts';

/**
 * Makes a link for a board straight in the database, beside a running server or with it
 * stopped: how a board made before share links existed gets its first facilitator link.
 * Null when the board does not exist.
 */
export async function issueLinkInDataDir(
  dataDir: string,
  boardId: string,
  access: Access,
  secret?: string,
): Promise<IssuedLink | null> {
  const file = join(dataDir, DATABASE_FILE);
  const boards = new SqliteBoardStore(file, { backgroundCheckpoints: false });
  const store = new SqliteLinkStore(file);
  try {
    if (!(await boards.hasBoard(boardId))) return null;
    const links = new ShareLinks(store, loadServerSecret(dataDir, secret), 'required');
    return await links.issue(boardId, access, { label: access === 'facilitate' ? 'Facilitator (issued by an operator)' : '' });
  } finally {
    await store.close();
    await boards.close();
  }
}
