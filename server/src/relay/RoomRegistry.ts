import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Fanout } from '../scale/Fanout.ts';
import type { BoardStore } from '../storage/BoardStore.ts';
import type { CommitQueue } from './CommitQueue.ts';
import type { Connection, ConnectionInfo } from './Connection.ts';
import { Room } from './Room.ts';
import type { UpdateGuard } from './UpdateGuard.ts';

/** Follows rooms without owning them: the relay calls it, it never calls the relay back. */
export interface RoomObserver {
  roomLoaded(room: Room): void;
  /** The last connection left and everything received so far is committed. */
  roomEmptied(room: Room): void;
}

export interface RoomRegistryOptions {
  readonly store: BoardStore;
  readonly fanout: Fanout;
  readonly commits: CommitQueue;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly unloadDelayMs: number;
  readonly compactMaxUpdates: number;
  readonly compactMaxBytes: number;
  readonly roomObserver?: RoomObserver | undefined;
  readonly guardFor?: ((boardId: string) => UpdateGuard | undefined) | undefined;
}

/**
 * The boards in memory: one room per board id, loaded when the first connection (or a
 * server-side tool) needs it and unloaded a while after the last one leaves.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly unloadTimers = new Map<Room, NodeJS.Timeout>();
  private readonly roomLoads = new WeakMap<Room, Promise<void>>();
  private closing = false;

  constructor(private readonly options: RoomRegistryOptions) {}

  get count(): number {
    return this.rooms.size;
  }

  /** Puts a connection in its board's room, loading the board if it is not in memory. */
  readonly join = (connection: Connection): void => {
    this.roomFor(connection.boardId).join(connection);
  };

  /**
   * The board's loaded room, loading it if needed, for server-side tools (history, export).
   * Rejects when the board cannot be loaded. A room nobody is connected to unloads as usual.
   */
  async open(boardId: string): Promise<Room> {
    if (this.closing) throw new Error('The server is shutting down');
    const room = this.roomFor(boardId);
    await this.roomLoads.get(room);
    if (room.state !== 'ready') throw new Error(`Board ${boardId} could not be loaded`);
    if (room.isEmpty) this.scheduleUnload(room);
    return room;
  }

  /** Closes every connection, in any room, for which `predicate` is true; returns how many. */
  closeConnectionsWhere(predicate: (connection: ConnectionInfo) => boolean, code: number, reason: string): number {
    let closed = 0;
    for (const room of this.rooms.values()) closed += room.closeConnectionsWhere(predicate, code, reason);
    return closed;
  }

  /** Every open connection, in any room (waiting ones included), for re-checking their rights. */
  openConnections(): ConnectionInfo[] {
    const open: ConnectionInfo[] = [];
    // The rooms' one walk over their sockets, lobby included; the predicate only collects.
    this.closeConnectionsWhere(
      (connection) => {
        open.push(connection);
        return false;
      },
      0,
      '',
    );
    return open;
  }

  /**
   * The board is being deleted: closes its sockets with `code`, waits for the updates already
   * queued to settle, and drops its room without writing anything back. Nothing for this board
   * is committed once it resolves (the caller refuses new sockets before calling it).
   */
  async discard(boardId: string, code: number, reason: string): Promise<void> {
    const room = this.rooms.get(boardId);
    if (room) {
      const timer = this.unloadTimers.get(room);
      if (timer) clearTimeout(timer);
      this.unloadTimers.delete(room);
      this.rooms.delete(boardId);
      room.markDeleted(code, reason);
    }
    await this.options.commits.whenIdle();
    room?.destroyDeleted();
  }

  /** The server is shutting down: no more unloads, loads for tools or observer calls. */
  stopUnloading(): void {
    this.closing = true;
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
  }

  /** After the last commit: compacts and frees every room. */
  async shutdown(): Promise<void> {
    for (const room of this.rooms.values()) await room.shutdown();
    this.rooms.clear();
  }

  private roomFor(boardId: string): Room {
    const existing = this.rooms.get(boardId);
    if (existing && (existing.state === 'ready' || existing.state === 'loading')) {
      const timer = this.unloadTimers.get(existing);
      if (timer) {
        clearTimeout(timer);
        this.unloadTimers.delete(existing);
      }
      return existing;
    }
    const { store, fanout, commits, logger, metrics, compactMaxUpdates, compactMaxBytes } = this.options;
    const room = new Room({
      boardId,
      store,
      fanout,
      commits,
      logger,
      metrics,
      compactMaxUpdates,
      compactMaxBytes,
      guard: this.options.guardFor?.(boardId),
      onEmpty: this.onRoomEmpty,
      onLoadFailed: this.forgetRoom,
    });
    this.rooms.set(boardId, room);
    const observer = this.options.roomObserver;
    this.roomLoads.set(
      room,
      room.load().then(() => {
        if (room.state === 'ready') observer?.roomLoaded(room);
      }),
    );
    return room;
  }

  private readonly onRoomEmpty = (room: Room) => {
    const observer = this.options.roomObserver;
    if (observer && !this.closing) void this.options.commits.whenIdle().then(() => observer.roomEmptied(room));
    this.scheduleUnload(room);
  };

  private readonly scheduleUnload = (room: Room) => {
    if (this.closing || this.unloadTimers.has(room)) return;
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room);
      void this.unload(room);
    }, this.options.unloadDelayMs);
    timer.unref();
    this.unloadTimers.set(room, timer);
  };

  private async unload(room: Room): Promise<void> {
    try {
      if (await room.unload()) {
        this.forgetRoom(room);
        this.options.logger.debug('board unloaded', { boardId: room.boardId });
      }
    } catch (error) {
      this.options.logger.error('unloading a board failed', { boardId: room.boardId, error });
    }
  }

  private readonly forgetRoom = (room: Room) => {
    if (this.rooms.get(room.boardId) === room) this.rooms.delete(room.boardId);
  };
}
