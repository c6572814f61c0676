import { facilitationRoomId } from '@costudio/shared';
import type { Logger } from '../log.ts';
import type { Storage } from '../storage/Storage.ts';

/** The relay's part in a deletion: refuse and close the board's sockets, drop its room unwritten. */
export interface DeletingRooms {
  closeBoardForDeletion(boardId: string): Promise<void>;
  deletionDone(boardId: string): void;
}

/** Rooms of a server that is not running (the admin CLI): there is nothing to close. */
export const NO_ROOMS: DeletingRooms = {
  closeBoardForDeletion: () => Promise.resolve(),
  deletionDone: () => {},
};

/** What a deletion removed, for the person who asked and the log; never content. */
export interface DeletionResult {
  readonly boardId: string;
  /** Private-writing rooms of the board, deleted with it. */
  readonly privateRooms: number;
}

/**
 * Deletes a board for good (issue 15, docs/privacy.md): its sockets are closed with
 * BOARD_DELETED and refused from then on; its snapshot, update log, versions, links with their
 * join codes and private-writing rooms and its facilitation room are deleted, leaving only a tombstone of its id so it is
 * never created, imported or written again; then the storage erases the freed space so no byte
 * of it remains in any file. Idempotent: running it again on a deleted board finishes a deletion
 * that was interrupted (say, by a crash between the tombstone and the versions).
 */
export class BoardDeletion {
  constructor(
    private readonly storage: Storage,
    private readonly rooms: DeletingRooms,
    private readonly logger: Logger,
  ) {}

  async delete(boardId: string): Promise<DeletionResult> {
    const { storage, rooms } = this;
    const privateRooms = await storage.privateRooms.list(boardId);
    // The facilitation room (locks, timer) is a board of its own in the store, and goes too.
    const boards = [boardId, facilitationRoomId(boardId), ...privateRooms];
    try {
      for (const id of boards) await rooms.closeBoardForDeletion(id);
      // The tombstone and the board's content go first, in one transaction: from then on
      // nothing can bring it back, even if what follows is interrupted.
      for (const id of boards) await storage.boards.deleteBoard(id);
      for (const id of boards) await storage.history?.deleteBoard(id);
      await storage.links.deleteForBoard(boardId);
      await storage.privateRooms.deleteForBoard(boardId);
      await storage.eraseFreedSpace();
    } finally {
      for (const id of boards) rooms.deletionDone(id);
    }
    this.logger.info('board deleted', { boardId, privateRooms: privateRooms.length });
    return { boardId, privateRooms: privateRooms.length };
  }
}
