import { CloseCode } from '@costudio/shared';
import type { Connection } from './Connection.ts';

/** A client that floods a loading board is closed rather than buffered without bound. */
const MAX_HELD_FRAMES = 10_000;

/**
 * Where connections wait while their board loads, each with the frames it sent meanwhile, in
 * the order they came. Nothing here is sent or decoded: the room replays the frames once the
 * board is ready, or refuses the connections if it is not.
 */
export class Lobby {
  private waiting = new Map<Connection, Uint8Array[]>();

  get size(): number {
    return this.waiting.size;
  }

  add(connection: Connection): void {
    if (!this.waiting.has(connection)) this.waiting.set(connection, []);
  }

  /** Whether `connection` left (false if it was not waiting). */
  remove(connection: Connection): boolean {
    return this.waiting.delete(connection);
  }

  /** Keeps a frame for when the board is ready; closes a connection that sends too many. */
  hold(connection: Connection, data: Uint8Array): void {
    const frames = this.waiting.get(connection);
    if (!frames) return;
    if (frames.length >= MAX_HELD_FRAMES) {
      connection.close(CloseCode.RATE_LIMITED, 'Too many messages while the board was loading');
      return;
    }
    frames.push(data);
  }

  connections(): IterableIterator<Connection> {
    return this.waiting.keys();
  }

  firstFrame(connection: Connection): Uint8Array | undefined {
    return this.waiting.get(connection)?.[0];
  }

  /** For a frame already answered while the board loads (see RoomLoader). */
  dropFirstFrame(connection: Connection): void {
    this.waiting.get(connection)?.shift();
  }

  /** Empties the lobby, returning who was waiting, in arrival order, with their frames. */
  release(): Map<Connection, Uint8Array[]> {
    const waiting = this.waiting;
    this.waiting = new Map();
    return waiting;
  }
}
