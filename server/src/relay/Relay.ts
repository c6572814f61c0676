import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode, MAX_FRAME_BYTES, SAVED_PARAM } from '@costudio/shared';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Fanout } from '../scale/Fanout.ts';
import type { BoardStore } from '../storage/BoardStore.ts';
import { type Authorize, type AuthorizeResult, allowEveryoneToEdit } from './authorize.ts';
import { CommitQueue } from './CommitQueue.ts';
import { Connection, type ConnectionInfo } from './Connection.ts';
import { RelaySocket } from './RelaySocket.ts';
import { Room } from './Room.ts';
import { parseSyncTarget } from './syncTarget.ts';
import type { UpdateGuard } from './UpdateGuard.ts';

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

/** Follows rooms without owning them: the relay calls it, it never calls the relay back. */
export interface RoomObserver {
  roomLoaded(room: Room): void;
  /** The last connection left and everything received so far is committed. */
  roomEmptied(room: Room): void;
}

const GOING_AWAY_REASON = 'Server shutting down';
/** RFC 6455 "internal error": the server hit an unexpected condition. */
const INTERNAL_ERROR = 1011;
const SHUTDOWN_GRACE_MS = 2_000;

/**
 * The sync endpoint: accepts WebSocket upgrades on /sync/<boardId>, authorizes them, and hands
 * each connection to its board's Room, loading and unloading rooms as people come and go.
 */
export class Relay {
  private readonly wss: WebSocketServer;
  private readonly rooms = new Map<string, Room>();
  private readonly connections = new Set<Connection>();
  private readonly unloadTimers = new Map<Room, NodeJS.Timeout>();
  private readonly roomLoads = new WeakMap<Room, Promise<void>>();
  private readonly commits: CommitQueue;
  private readonly authorize: Authorize;
  private readonly heartbeat: NodeJS.Timeout;
  private closing = false;
  private onLastConnectionClosed: (() => void) | null = null;

  constructor(private readonly options: RelayOptions) {
    this.authorize = options.authorize ?? allowEveryoneToEdit;
    this.commits = new CommitQueue(options.store, options.metrics, options.logger);
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: MAX_FRAME_BYTES,
      clientTracking: false,
      WebSocket: RelaySocket,
    });
    this.heartbeat = setInterval(this.checkHeartbeats, options.heartbeatMs ?? 30_000);
    this.heartbeat.unref();
  }

  get roomCount(): number {
    return this.rooms.size;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** For the HTTP server's 'upgrade' event. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.closing) {
      socket.destroy();
      return;
    }
    // Until ws owns the socket, a reset by the client must not become an uncaught 'error'.
    socket.on('error', ignoreError);
    this.accept(request, socket, head).catch((error: unknown) => {
      this.options.logger.error('upgrade failed', { error, url: request.url });
      socket.destroy();
    });
  }

  /**
   * Closes every connection for which `predicate` is true (e.g. all sockets opened with a share
   * link that was just revoked). Returns how many were closed.
   */
  closeConnectionsWhere(predicate: (connection: ConnectionInfo) => boolean, code: number, reason: string): number {
    let closed = 0;
    for (const connection of this.connections) {
      if (connection.isOpen && predicate(connection)) {
        connection.close(code, reason);
        closed++;
      }
    }
    return closed;
  }

  /**
   * The board's loaded room, loading it if needed, for server-side tools (history, export).
   * Rejects when the board cannot be loaded. A room nobody is connected to unloads as usual.
   */
  async openRoom(boardId: string): Promise<Room> {
    if (this.closing) throw new Error('The server is shutting down');
    const room = this.roomFor(boardId);
    await this.roomLoads.get(room);
    if (room.state !== 'ready') throw new Error(`Board ${boardId} could not be loaded`);
    if (room.isEmpty) this.scheduleUnload(room);
    return room;
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

  /** Stops accepting, closes clients with 1001, commits what was received and compacts. */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    clearInterval(this.heartbeat);
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    for (const connection of this.connections) connection.close(CloseCode.GOING_AWAY, GOING_AWAY_REASON);
    await this.allSocketsClosed(SHUTDOWN_GRACE_MS);
    await this.commits.whenIdle();
    for (const room of this.rooms.values()) await room.shutdown();
    this.rooms.clear();
  }

  private async accept(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const target = parseSyncTarget(request.url);
    if ('error' in target) {
      this.open(request, socket, head, null, { refuse: { code: CloseCode.INVALID_BOARD_ID, reason: target.error } });
      return;
    }
    let decision: AuthorizeResult;
    try {
      decision = await this.authorize({ boardId: target.boardId, params: target.params, request });
    } catch (error) {
      this.options.logger.error('authorize hook failed', { error, boardId: target.boardId });
      decision = { refuse: { code: INTERNAL_ERROR, reason: 'Could not check access to this board' } };
    }
    if (this.closing) {
      socket.destroy();
      return;
    }
    this.open(request, socket, head, target, decision);
  }

  private open(
    request: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    target: { boardId: string; params: URLSearchParams } | null,
    decision: AuthorizeResult,
  ): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      socket.off('error', ignoreError);
      const relaySocket = ws as RelaySocket;
      relaySocket.on('error', this.onSocketError);
      if ('refuse' in decision || target === null) {
        const refusal = 'refuse' in decision ? decision.refuse : { code: CloseCode.INVALID_BOARD_ID, reason: 'Invalid' };
        this.options.metrics.countClose(refusal.code);
        this.options.logger.info('connection refused', { code: refusal.code, reason: refusal.reason, url: request.url });
        relaySocket.close(refusal.code, refusal.reason);
        return;
      }
      const { boardId, params } = target;
      const connection = new Connection(
        relaySocket,
        boardId,
        decision.access,
        decision.meta,
        params.get(SAVED_PARAM) === '1',
        this.options.metrics,
      );
      relaySocket.connection = connection;
      relaySocket.on('message', this.onSocketMessage);
      relaySocket.on('close', this.onSocketClose);
      relaySocket.on('pong', onPong);
      this.connections.add(connection);
      this.roomFor(boardId).join(connection);
    });
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
    const { store, fanout, logger, metrics, compactMaxUpdates, compactMaxBytes } = this.options;
    const room = new Room({
      boardId,
      store,
      fanout,
      commits: this.commits,
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
    if (observer && !this.closing) void this.commits.whenIdle().then(() => observer.roomEmptied(room));
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

  private route(connection: Connection, data: Uint8Array): void {
    const { metrics } = this.options;
    metrics.messagesIn++;
    metrics.bytesIn += data.byteLength;
    // Once we have closed a socket (for a bad message, a revoked link…), whatever it still sends
    // is neither applied nor logged again. At shutdown we still take what clients sent before
    // they heard of it: it will be committed before the process exits.
    if (!connection.isOpen && !this.closing) return;
    connection.owner?.receive(connection, data);
  }

  private detach(connection: Connection): void {
    this.connections.delete(connection);
    connection.owner?.leave(connection);
    if (this.connections.size === 0) this.onLastConnectionClosed?.();
  }

  private allSocketsClosed(timeoutMs: number): Promise<void> {
    if (this.connections.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        for (const connection of this.connections) connection.socket.terminate();
        resolve();
      }, timeoutMs);
      this.onLastConnectionClosed = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  // One listener function per relay, shared by every socket: `this` is the socket.
  private readonly onSocketMessage = (() => {
    const relay = this;
    return function onSocketMessage(this: WebSocket, data: RawData) {
      const connection = (this as RelaySocket).connection;
      if (!connection) return;
      try {
        relay.route(connection, toBytes(data));
      } catch (error) {
        // Rooms already turn bad input into MALFORMED_MESSAGE; this is for our own bugs, which
        // must cost one socket, never the process.
        relay.options.logger.error('unexpected error handling a message', { boardId: connection.boardId, error });
        connection.close(INTERNAL_ERROR, 'Internal server error');
      }
    };
  })();

  private readonly onSocketClose = (() => {
    const relay = this;
    return function onSocketClose(this: WebSocket) {
      const connection = (this as RelaySocket).connection;
      if (connection) relay.detach(connection);
    };
  })();

  private readonly onSocketError = (() => {
    const relay = this;
    return function onSocketError(this: WebSocket, error: Error & { code?: string }) {
      // ws has already closed the socket (for oversized frames with MESSAGE_TOO_LARGE).
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') relay.options.metrics.countClose(CloseCode.MESSAGE_TOO_LARGE);
      relay.options.logger.warn('socket error; connection closed', {
        boardId: (this as RelaySocket).connection?.boardId,
        code: error.code,
        error: error.message,
      });
    };
  })();

  private readonly checkHeartbeats = () => {
    for (const connection of this.connections) {
      if (!connection.alive) {
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      try {
        connection.socket.ping();
      } catch {
        connection.socket.terminate();
      }
    }
  };
}

function onPong(this: WebSocket): void {
  const connection = (this as RelaySocket).connection;
  if (connection) connection.alive = true;
}

function ignoreError(): void {}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}
