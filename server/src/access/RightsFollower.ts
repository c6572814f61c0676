import type { DeletingRooms } from '../dataProtection/BoardDeletion.ts';
import { parseRoomId } from '../facilitation/facilitationRoom.ts';
import type { Logger } from '../log.ts';
import type { ConnectionInfo } from '../relay/Connection.ts';
import type { Announcement, Announcements } from '../scale/Announcements.ts';
import type { BoardStore } from '../storage/BoardStore.ts';
import type { LinkStore } from '../storage/LinkStore.ts';
import { type ConnectionCloser, disconnectLink } from './BoardAccess.ts';

/** How often an instance re-checks its sockets against the store, for announcements it missed. */
export const DEFAULT_RIGHTS_RECHECK_MS = 10_000;

/** What following rights needs of the relay: its sockets, and dropping a deleted board's room. */
export interface RightsRelay extends ConnectionCloser, DeletingRooms {
  openConnections(): ConnectionInfo[];
}

export interface RightsFollowerOptions {
  readonly announcements: Announcements;
  readonly relay: RightsRelay;
  readonly links: Pick<LinkStore, 'get'>;
  readonly boards: Pick<BoardStore, 'isDeleted'>;
  /** Re-reads a board's locks and re-authorizes its sockets (BoardAccess.refreshLocks). */
  readonly refreshLocks: (boardId: string) => Promise<void>;
  readonly logger: Logger;
  /** DEFAULT_RIGHTS_RECHECK_MS unless given. */
  readonly recheckMs?: number;
}

/**
 * Makes a change of rights made on one instance act on the sockets of every instance (issue 14).
 * What an instance does to its own sockets (closing those of a revoked link, dropping a deleted
 * board, re-authorizing after a lock) it announces once the store holds the change; the others
 * do the same to theirs when they hear it. The store stays the truth: announcements can be lost
 * (pub/sub), so every `recheckMs`, and whenever the channel says it may have missed some, each
 * instance checks the links, boards and locks of its open sockets against the store.
 * Board locks, lane locks and private writing are also in the board's facilitation document,
 * whose committed updates reach every instance following it; the announcement makes an
 * instance that was not following it (nobody had opened it there) read it.
 */
export class RightsFollower {
  private timer: NodeJS.Timeout | null = null;
  private rechecking: Promise<void> | null = null;

  constructor(private readonly options: RightsFollowerOptions) {}

  start(): void {
    this.options.announcements.listen(this.hear);
    this.timer = setInterval(() => void this.recheck(), this.options.recheckMs ?? DEFAULT_RIGHTS_RECHECK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** This instance switched a link off and closed its sockets: the others close theirs. */
  linkRevoked(linkId: string): void {
    this.options.announcements.announce({ kind: 'link-revoked', linkId });
  }

  /** The relay as BoardDeletion sees it, telling the others of each room the store now has a tombstone for. */
  announcingDeletions(): DeletingRooms {
    const { relay, boards, announcements, logger } = this.options;
    return {
      closeBoardForDeletion: (roomId) => relay.closeBoardForDeletion(roomId),
      deletionDone: (roomId) => {
        relay.deletionDone(roomId);
        boards.isDeleted(roomId).then(
          (deleted) => {
            if (deleted) announcements.announce({ kind: 'board-deleted', roomId });
          },
          (error: unknown) => logger.warn('could not check a deletion to announce it', { roomId, error }),
        );
      },
    };
  }

  /** A socket here changed a board's facilitation document. */
  facilitationChanged(boardId: string): void {
    this.options.announcements.announce({ kind: 'facilitation-changed', boardId });
  }

  private readonly hear = (announcement: Announcement): void => {
    const { relay, logger } = this.options;
    switch (announcement.kind) {
      case 'link-revoked':
        disconnectLink(relay, announcement.linkId);
        break;
      case 'board-deleted':
        void this.dropDeleted(announcement.roomId);
        break;
      case 'facilitation-changed':
        if (this.boardsWithSockets().has(announcement.boardId)) {
          this.options.refreshLocks(announcement.boardId).catch((error: unknown) => {
            logger.warn('could not re-read a board’s locks', { boardId: announcement.boardId, error });
          });
        }
        break;
      case 'lost':
        void this.recheck();
        break;
    }
  };

  /** Checks every open socket's link, board and locks against the store; one run at a time. */
  private recheck(): Promise<void> {
    this.rechecking ??= this.recheckNow()
      .catch((error: unknown) => this.options.logger.warn('could not re-check rights against the store', { error }))
      .finally(() => {
        this.rechecking = null;
      });
    return this.rechecking;
  }

  private async recheckNow(): Promise<void> {
    const { relay, links, boards, refreshLocks } = this.options;
    // Deletions first: a deleted board's links are gone too, and its sockets are told why.
    for (const roomId of new Set(relay.openConnections().map((connection) => connection.boardId))) {
      if (await boards.isDeleted(roomId)) await this.dropDeleted(roomId);
    }
    const connections = relay.openConnections();
    const linkIds = new Set(connections.flatMap((connection) => (connection.meta?.linkId ? [connection.meta.linkId] : [])));
    for (const linkId of linkIds) {
      if ((await links.get(linkId))?.revokedAt != null) disconnectLink(relay, linkId);
    }
    for (const boardId of this.boardsWithSockets()) await refreshLocks(boardId);
  }

  private async dropDeleted(roomId: string): Promise<void> {
    const { relay } = this.options;
    try {
      await relay.closeBoardForDeletion(roomId);
    } finally {
      relay.deletionDone(roomId);
    }
  }

  /** Boards with a socket here (on the board itself: locks matter only there). */
  private boardsWithSockets(): Set<string> {
    const boards = new Set<string>();
    for (const connection of this.options.relay.openConnections()) {
      const target = parseRoomId(connection.boardId);
      if (target.kind === 'board') boards.add(target.boardId);
    }
    return boards;
  }
}
