import type { Duplex } from 'node:stream';
import type { Access } from '@costudio/shared';
import type { WebSocket } from 'ws';
import type { Metrics } from '../metrics.ts';
import type { FramedMessage } from './FramedMessage.ts';
import type { SocketBudget } from './SocketBudget.ts';

/**
 * What `authorize` found out about a connection, for whoever acts on connections later
 * (`closeConnectionsWhere`, update guards): revoking a link closes the sockets it opened, and
 * unlocking a board closes those a lock held to viewing so they come back with edit rights.
 */
export interface ConnectionMeta {
  /** The share link the socket was opened with; null when it needed none. */
  readonly linkId: string | null;
  /** Edit access the link grants but a board lock withholds (restored on reconnect). */
  readonly lockedOut: boolean;
  /** When the link stops working (ms since the epoch): the socket is closed with LINK_EXPIRED then. */
  readonly expiresAt?: number | null;
}

/** The facts about a connection that hooks such as `closeConnectionsWhere` may look at. */
export interface ConnectionInfo {
  readonly boardId: string;
  readonly access: Access;
  /** What `authorize` attached; null when it attached nothing. */
  readonly meta: ConnectionMeta | null;
}

/** Whoever handles a connection's messages once it has joined: its room. */
export interface ConnectionOwner {
  receive(connection: Connection, data: Uint8Array): void;
  leave(connection: Connection): void;
}

const OPEN = 1;
// RFC 6455 §5.5: a control frame's payload is at most 125 bytes, two of which hold the code.
const MAX_REASON_BYTES = 123;

/**
 * One client socket on one board. Deliberately small, with no closures of its own: a server
 * holds thousands of these, and idle memory per connection is a benchmark target.
 */
export class Connection implements ConnectionInfo {
  /** The room this connection joined, which takes its frames (and holds them while it loads). */
  owner: ConnectionOwner | null = null;
  /** Cleared by the heartbeat, set again by the client's pong. */
  alive = true;
  /** For `?saved=1` connections: the durable clock of each Yjs client id they wrote or announced. */
  savedClocks: Map<number, number> | null;
  /** Awareness client ids this socket introduced, removed from the room when it closes. */
  awarenessClients: number[] | null = null;
  /** A view-only connection's ignored edits are logged once, not per message. */
  warnedReadOnly = false;
  /** Likewise for changes to locked lanes that the room undid. */
  warnedRefused = false;
  /** Messages that came faster than the budget allows, in order, while the socket is paused. */
  waiting: Uint8Array[] | null = null;
  waitingBytes = 0;
  /** When the socket was last slowed after a spell within its budget, and last caught up (performance.now()). */
  slowedAt = 0;
  caughtUpAt = Number.NEGATIVE_INFINITY;
  /** Closes the socket when its link expires; null for links that never do. */
  expiry: NodeJS.Timeout | null = null;
  readonly meta: ConnectionMeta | null;

  constructor(
    readonly socket: WebSocket,
    readonly boardId: string,
    readonly access: Access,
    meta: ConnectionMeta | undefined,
    wantsSaved: boolean,
    private readonly metrics: Metrics,
    /** What it may still send before it is closed with RATE_LIMITED. */
    readonly budget: SocketBudget,
  ) {
    this.meta = meta ?? null;
    this.savedClocks = wantsSaved ? new Map() : null;
  }

  get isOpen(): boolean {
    return this.socket.readyState === OPEN;
  }

  send(message: Uint8Array): void {
    if (this.socket.readyState !== OPEN) return;
    this.metrics.messagesOut++;
    this.metrics.bytesOut += message.byteLength;
    this.socket.send(message);
  }

  /**
   * Sends a message framed once for every socket that gets it: written straight to the TCP
   * socket under `ws`, behind whatever `ws` wrote before (both go through the socket's own
   * write queue, so messages keep their order and `bufferedAmount` counts them).
   */
  sendFramed(message: FramedMessage): void {
    if (this.socket.readyState !== OPEN) return;
    this.metrics.messagesOut++;
    this.metrics.bytesOut += message.byteLength;
    (this.socket as unknown as WithTcpSocket)._socket.write(message.frame);
  }

  /** Closes with a code from CloseCode; repeated calls are ignored. */
  close(code: number, reason: string): void {
    if (this.socket.readyState > OPEN) return;
    this.metrics.countClose(code);
    this.socket.close(code, truncateReason(reason));
  }
}

/** `ws` keeps the TCP socket of an open WebSocket here (not in its typings). */
interface WithTcpSocket {
  readonly _socket: Duplex;
}

export function truncateReason(reason: string): string {
  let text = reason;
  while (Buffer.byteLength(text, 'utf8') > MAX_REASON_BYTES) text = text.slice(0, -1);
  return text;
}
