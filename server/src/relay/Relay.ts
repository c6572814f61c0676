import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode } from '@costudio/shared';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Fanout } from '../scale/Fanout.ts';
import type { BoardStore } from '../storage/BoardStore.ts';
import { type Authorize, type AuthorizeResult, allowEveryoneToEdit } from './authorize.ts';
import { CommitQueue } from './CommitQueue.ts';
import type { ConnectionInfo } from './Connection.ts';
import { OpenedBoards } from './OpenedBoards.ts';
import type { Room } from './Room.ts';
import { type RoomObserver, RoomRegistry } from './RoomRegistry.ts';
import { SocketServer } from './SocketServer.ts';
import type { UpdateGuard } from './UpdateGuard.ts';

export type { RoomObserver } from './RoomRegistry.ts';

export interface RelayOptions {
  readonly store: BoardStore;
  readonly fanout: Fanout;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly authorize?: Authorize;
  readonly unloadDelayMs: number;
  readonly compactMaxUpdates: number;
  readonly compactMaxBytes: number;
  /** Interval of WebSocket pings; a socket that missed the previous pong is dropped. */
  readonly heartbeatMs?: number;
  /** Told when boards load and empty (history keeps versions from this); must not throw. */
  readonly roomObserver?: RoomObserver;
  /** A guard for a room's committed updates (lane locks), created when the room loads. */
  readonly guardFor?: (boardId: string) => UpdateGuard | undefined;
}

const GOING_AWAY_REASON = 'Server shutting down';
const LOAD_FAILED_REFUSAL: AuthorizeResult = {
  refuse: { code: CloseCode.LOAD_FAILED, reason: 'The board could not be loaded from storage' },
};
const BOARD_DELETED_REFUSAL: AuthorizeResult = { refuse: { code: CloseCode.BOARD_DELETED, reason: 'This board was deleted' } };
const SHUTDOWN_GRACE_MS = 2_000;

/**
 * The sync endpoint: a socket server that accepts and authorizes connections, handing each to
 * a registry of rooms, one per board, which share one group commit. This class only wires them
 * together and shuts them down in order.
 */
export class Relay {
  private readonly commits: CommitQueue;
  private readonly rooms: RoomRegistry;
  private readonly sockets: SocketServer;
  private closing = false;
  /** Boards being deleted right now, refused before storage has their tombstone. */
  private readonly deleting = new Set<string>();
  /** Openings recorded lately, so a crowd joining a board writes its retention clock once. */
  private readonly opened = new OpenedBoards();

  constructor(options: RelayOptions) {
    const { store, fanout, logger, metrics } = options;
    const authorize = options.authorize ?? allowEveryoneToEdit;
    // A board deleted through another instance: its sockets here are closed with BOARD_DELETED
    // and its room dropped unwritten, as on the instance that deleted it.
    this.commits = new CommitQueue(store, metrics, logger, (boardId) => {
      void this.rooms.discard(boardId, CloseCode.BOARD_DELETED, 'This board was deleted');
    });
    this.rooms = new RoomRegistry({
      store,
      fanout,
      commits: this.commits,
      logger,
      metrics,
      unloadDelayMs: options.unloadDelayMs,
      compactMaxUpdates: options.compactMaxUpdates,
      compactMaxBytes: options.compactMaxBytes,
      roomObserver: options.roomObserver,
      guardFor: options.guardFor,
    });
    this.sockets = new SocketServer({
      // A deleted board is refused whoever asks and whatever their link: it never comes back.
      authorize: async (context) => {
        if (this.deleting.has(context.boardId)) return BOARD_DELETED_REFUSAL;
        try {
          if (await store.isDeleted(context.boardId)) return BOARD_DELETED_REFUSAL;
        } catch (error) {
          // Storage unreachable: refused as a board that cannot be loaded is (the client retries),
          // never served, since it might be a deleted board.
          logger.error('could not check whether the board was deleted; refusing it', { boardId: context.boardId, error });
          return LOAD_FAILED_REFUSAL;
        }
        const decision = await authorize(context);
        // Retention (RETENTION_DAYS) counts from the last time anyone opened the board.
        const now = Date.now();
        if (!('refuse' in decision) && this.opened.shouldRecord(context.boardId, now)) {
          store.recordOpened(context.boardId, now).catch((error: unknown) => {
            this.opened.forget(context.boardId);
            logger.warn('could not record that a board was opened', { boardId: context.boardId, error });
          });
        }
        return decision;
      },
      logger,
      metrics,
      heartbeatMs: options.heartbeatMs ?? 30_000,
      join: this.rooms.join,
    });
  }

  get roomCount(): number {
    return this.rooms.count;
  }

  get connectionCount(): number {
    return this.sockets.connectionCount;
  }

  /** For the HTTP server's 'upgrade' event. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.sockets.handleUpgrade(request, socket, head);
  }

  /**
   * Closes every connection for which `predicate` is true (e.g. all sockets opened with a share
   * link that was just revoked). Returns how many were closed.
   */
  closeConnectionsWhere(predicate: (connection: ConnectionInfo) => boolean, code: number, reason: string): number {
    return this.rooms.closeConnectionsWhere(predicate, code, reason);
  }

  /** Every open connection, as `closeConnectionsWhere` sees them: for re-checking their rights. */
  openConnections(): ConnectionInfo[] {
    return this.rooms.openConnections();
  }

  /**
   * The board's loaded room, loading it if needed, for server-side tools (history, export).
   * Rejects when the board cannot be loaded. A room nobody is connected to unloads as usual.
   */
  openRoom(boardId: string): Promise<Room> {
    return this.rooms.open(boardId);
  }

  /** Resolves once every update received so far is committed and applied. */
  whenCommitted(): Promise<void> {
    return this.commits.whenIdle();
  }

  /**
   * Commits an update the server made itself (e.g. restoring a version) through the same group
   * commit as people's edits: durable first, then applied and relayed to every socket.
   */
  commitServerUpdate(room: Room, update: Uint8Array): Promise<void> {
    return room.commitServerUpdate(update);
  }

  /**
   * Before a board's storage is deleted: from now on its sockets are refused with BOARD_DELETED;
   * those open are closed with it, updates already received settle, and its room is dropped
   * without writing anything back. Call `deleted` once storage holds the tombstone.
   */
  async closeBoardForDeletion(boardId: string): Promise<void> {
    this.deleting.add(boardId);
    await this.rooms.discard(boardId, CloseCode.BOARD_DELETED, 'This board was deleted');
  }

  /** Storage holds the board's tombstone (or the deletion failed and it stays): stop refusing it here. */
  deletionDone(boardId: string): void {
    this.deleting.delete(boardId);
  }

  /**
   * Rewrites the board's stored state as one fresh snapshot of its room's doc, dropping the
   * whole update log: see Room.compactFully. For erasure.
   */
  async compactFully(boardId: string): Promise<void> {
    const room = await this.rooms.open(boardId);
    await room.compactFully();
  }

  /** Stops accepting, closes clients with 1001, commits what was received and compacts. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    // Rooms first: the sockets about to close must not schedule unloads or history versions.
    this.rooms.stopUnloading();
    await this.sockets.close(CloseCode.GOING_AWAY, GOING_AWAY_REASON, SHUTDOWN_GRACE_MS);
    await this.commits.whenIdle();
    await this.rooms.shutdown();
  }
}
