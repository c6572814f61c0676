import { randomBytes } from 'node:crypto';
import { migrateBoard } from '@costudio/shared';
import * as Y from 'yjs';
import { BoardExistsError, type BoardStore } from './BoardStore.ts';
import { encodeSnapshot } from './snapshots.ts';

/** 16 random bytes as base64url: unguessable, and inside BOARD_ID_PATTERN. */
export function newBoardId(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * Stores a new board that already carries its title and current schema, so the first client
 * sees the title as soon as it syncs. Retries with a fresh id on the (astronomically unlikely)
 * collision.
 */
export async function createNewBoard(store: BoardStore, title: string, now = Date.now()): Promise<string> {
  const doc = new Y.Doc();
  try {
    migrateBoard(doc, { title, now });
    const snapshot = encodeSnapshot(doc);
    for (let attempt = 0; ; attempt++) {
      const id = newBoardId();
      try {
        await store.createBoard(id, snapshot);
        return id;
      } catch (error) {
        if (!(error instanceof BoardExistsError) || attempt >= 3) throw error;
      }
    }
  } finally {
    doc.destroy();
  }
}
