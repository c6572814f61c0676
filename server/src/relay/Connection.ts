import type { Access } from '@costudio/shared';
import type { WebSocket } from 'ws';
import type { Metrics } from '../metrics.ts';

/** The facts about a connection that hooks such as `closeConnectionsWhere` may look at. */
export interface ConnectionInfo {
  readonly boardId: string;
  readonly access: Access;
  /** Whatever `authorize` attached (e.g. which share link was used). */
  readonly meta: unknown;
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

  constructor(
    readonly socket: WebSocket,
    readonly boardId: string,
    readonly access: Access,
    readonly meta: unknown,
    wantsSaved: boolean,
    private readonly metrics: Metrics,
  ) {
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

  /** Closes with a code from CloseCode; repeated calls are ignored. */
  close(code: number, reason: string): void {
    if (this.socket.readyState > OPEN) return;
    this.metrics.countClose(code);
    this.socket.close(code, truncateReason(reason));
  }
}

export function truncateReason(reason: string): string {
  let text = reason;
  while (Buffer.byteLength(text, 'utf8') > MAX_REASON_BYTES) text = text.slice(0, -1);
  return text;
}
