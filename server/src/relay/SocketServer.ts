import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode, MAX_FRAME_BYTES, SAVED_PARAM } from '@costudio/shared';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Authorize, AuthorizeResult } from './authorize.ts';
import { Connection } from './Connection.ts';
import { RelaySocket } from './RelaySocket.ts';
import {
  type BudgetLimits,
  DEFAULT_BUDGET_LIMITS,
  MAX_SLOWED_MS,
  MAX_WAITING_BYTES,
  MAX_WAITING_MESSAGES,
  SocketBudget,
} from './SocketBudget.ts';
import { parseSyncTarget } from './syncTarget.ts';

export interface SocketServerOptions {
  readonly authorize: Authorize;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Interval of WebSocket pings; a socket that missed the previous pong is dropped. */
  readonly heartbeatMs: number;
  /** Hands an authorized connection to its board; from then on its `owner` takes its frames. */
  readonly join: (connection: Connection) => void;
  /** Messages and bytes each socket may send (DEFAULT_BUDGET_LIMITS unless given). */
  readonly budget?: BudgetLimits;
}

const MAX_TIMER_MS = 2 ** 31 - 1;
/** A socket that stays within its budget this long after catching up starts afresh. */
const CAUGHT_UP_MS = 1_000;

/** RFC 6455 "internal error": the server hit an unexpected condition. */
const INTERNAL_ERROR = 1011;

/**
 * The WebSocket side of the relay: takes upgrades on /sync/<boardId>, asks `authorize` before
 * anything is synced, refuses with a close code and reason, and hands each accepted connection
 * on. Then, per socket: frame size limits, message and byte budgets, turning frames into bytes for the connection's room,
 * heartbeats, and closing. It knows nothing of boards beyond their id.
 */
export class SocketServer {
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<Connection>();
  private readonly heartbeat: NodeJS.Timeout;
  private closing = false;
  private onLastConnectionClosed: (() => void) | null = null;

  constructor(private readonly options: SocketServerOptions) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: MAX_FRAME_BYTES,
      // Connection.sendFramed writes ready-made uncompressed frames to the TCP socket.
      perMessageDeflate: false,
      clientTracking: false,
      WebSocket: RelaySocket,
    });
    this.heartbeat = setInterval(this.checkHeartbeats, options.heartbeatMs);
    this.heartbeat.unref();
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
   * Stops accepting and closes every socket with `code`; resolves once all have closed, or after
   * `graceMs`, when those still open are terminated.
   */
  close(code: number, reason: string, graceMs: number): Promise<void> {
    this.closing = true;
    clearInterval(this.heartbeat);
    for (const connection of this.connections) {
      // What a slowed socket sent before the shutdown is handled now, to be committed before exit.
      this.drain(connection);
      connection.close(code, reason);
    }
    return this.allSocketsClosed(graceMs);
  }

  private async accept(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const target = parseSyncTarget(request.url);
    if ('error' in target) {
      this.open(request, socket, head, null, { refuse: { code: CloseCode.INVALID_BOARD_ID, reason: target.error } });
      return;
    }
    let decision: AuthorizeResult;
    try {
      decision = await this.options.authorize({ boardId: target.boardId, params: target.params, request });
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
        new SocketBudget(this.options.budget ?? DEFAULT_BUDGET_LIMITS, performance.now()),
      );
      relaySocket.connection = connection;
      relaySocket.on('message', this.onSocketMessage);
      relaySocket.on('close', this.onSocketClose);
      relaySocket.on('pong', onPong);
      this.connections.add(connection);
      this.closeOnExpiry(connection);
      this.options.join(connection);
    });
  }

  private route(connection: Connection, data: Uint8Array): void {
    const { metrics } = this.options;
    metrics.messagesIn++;
    metrics.bytesIn += data.byteLength;
    // Once we have closed a socket (for a bad message, a revoked link…), whatever it still sends
    // is neither applied nor logged again. At shutdown we still take what clients sent before
    // they heard of it: it will be committed before the process exits.
    if (!connection.isOpen && !this.closing) return;
    if (connection.waiting === null && (this.closing || connection.budget.spend(data.byteLength, performance.now()))) {
      connection.owner?.receive(connection, data);
    } else {
      this.wait(connection, data);
    }
  }

  /**
   * Over its budget, a socket is slowed rather than dropped: it is paused (TCP pushes back on
   * the sender) and what it already sent waits, to be handled as the budget refills. A socket
   * that has more than MAX_WAITING_* waiting is a flood: it is closed with RATE_LIMITED.
   */
  private wait(connection: Connection, data: Uint8Array): void {
    const waiting = connection.waiting ?? [];
    waiting.push(data);
    connection.waitingBytes += data.byteLength;
    const now = performance.now();
    if (connection.waiting === null) {
      connection.waiting = waiting;
      // Caught up only to be over budget again at once is the same spell of flooding.
      if (now - connection.caughtUpAt > CAUGHT_UP_MS) connection.slowedAt = now;
      connection.socket.pause();
      this.drainLater(connection);
    }
    if (
      waiting.length > MAX_WAITING_MESSAGES ||
      connection.waitingBytes > MAX_WAITING_BYTES ||
      now - connection.slowedAt > MAX_SLOWED_MS
    ) {
      this.closeFlood(connection);
    }
  }

  private closeFlood(connection: Connection): void {
    this.stopWaiting(connection);
    this.options.logger.warn('socket over its message budget for too long; closing it', { boardId: connection.boardId });
    connection.close(CloseCode.RATE_LIMITED, 'Too many messages; slow down and reconnect');
    // Read on, so the closing handshake completes; what else it sent is dropped unread by route().
    connection.socket.resume();
  }

  private drainLater(connection: Connection): void {
    const next = connection.waiting?.[0];
    if (!next) return;
    setTimeout(() => this.drain(connection), connection.budget.msUntil(next.byteLength, performance.now())).unref();
  }

  private drain(connection: Connection): void {
    const waiting = connection.waiting;
    if (waiting === null) return;
    if (!connection.isOpen && !this.closing) {
      this.stopWaiting(connection);
      return;
    }
    while (waiting.length > 0) {
      const data = waiting[0] as Uint8Array;
      if (!this.closing && !connection.budget.spend(data.byteLength, performance.now())) break;
      waiting.shift();
      connection.waitingBytes -= data.byteLength;
      this.deliver(connection, data);
    }
    if (waiting.length > 0) {
      if (!this.closing && performance.now() - connection.slowedAt > MAX_SLOWED_MS) this.closeFlood(connection);
      else this.drainLater(connection);
      return;
    }
    this.stopWaiting(connection);
    connection.caughtUpAt = performance.now();
    connection.socket.resume();
  }

  private stopWaiting(connection: Connection): void {
    connection.waiting = null;
    connection.waitingBytes = 0;
  }

  /** Hands one message to the connection's room; our own bugs cost that socket, never the process. */
  private deliver(connection: Connection, data: Uint8Array): void {
    try {
      connection.owner?.receive(connection, data);
    } catch (error) {
      this.options.logger.error('unexpected error handling a message', { boardId: connection.boardId, error });
      connection.close(INTERNAL_ERROR, 'Internal server error');
    }
  }

  /** A socket outlives no link: it is closed with LINK_EXPIRED when its link expires. */
  private closeOnExpiry(connection: Connection): void {
    const expiresAt = connection.meta?.expiresAt;
    if (expiresAt === null || expiresAt === undefined) return;
    // setTimeout holds at most 2^31 - 1 ms (24.8 days); a later expiry is waited for in steps.
    const wait = Math.min(Math.max(0, expiresAt - Date.now()), MAX_TIMER_MS);
    connection.expiry = setTimeout(() => {
      if (Date.now() < expiresAt) {
        this.closeOnExpiry(connection);
        return;
      }
      connection.close(CloseCode.LINK_EXPIRED, 'This link has expired');
    }, wait);
    connection.expiry.unref();
  }

  private detach(connection: Connection): void {
    if (connection.expiry) clearTimeout(connection.expiry);
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

  // One listener function per server, shared by every socket: `this` is the socket.
  private readonly onSocketMessage = (() => {
    const server = this;
    return function onSocketMessage(this: WebSocket, data: RawData) {
      const connection = (this as RelaySocket).connection;
      if (!connection) return;
      try {
        server.route(connection, toBytes(data));
      } catch (error) {
        // Rooms already turn bad input into MALFORMED_MESSAGE; this is for our own bugs, which
        // must cost one socket, never the process.
        server.options.logger.error('unexpected error handling a message', { boardId: connection.boardId, error });
        connection.close(INTERNAL_ERROR, 'Internal server error');
      }
    };
  })();

  private readonly onSocketClose = (() => {
    const server = this;
    return function onSocketClose(this: WebSocket) {
      const connection = (this as RelaySocket).connection;
      if (connection) server.detach(connection);
    };
  })();

  private readonly onSocketError = (() => {
    const server = this;
    return function onSocketError(this: WebSocket, error: Error & { code?: string }) {
      // ws has already closed the socket (for oversized frames with MESSAGE_TOO_LARGE).
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') server.options.metrics.countClose(CloseCode.MESSAGE_TOO_LARGE);
      server.options.logger.warn('socket error; connection closed', {
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
