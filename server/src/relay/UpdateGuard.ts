import type * as Y from 'yjs';
import type { Connection } from './Connection.ts';

/**
 * A room's say over committed updates. The relay cannot refuse part of an update (the sender's
 * later updates build on every struct in it), so a guard lets the update apply and then undoes
 * what the sender may not change, as a new change the server makes: everyone else receives the
 * update and its undoing together and never sees the refused change; the sender sees it undone.
 */
export interface UpdateGuard {
  /**
   * Runs `apply` (which applies `connection`'s committed update to `doc`) and returns the update
   * that undoes what `connection` may not change, already applied to `doc`, or null.
   */
  enforce(doc: Y.Doc, connection: Connection, apply: () => void): Uint8Array | null;
  /**
   * Whether `enforce` could undo any part of `connection`'s committed `update` (not applied
   * yet). False lets the room relay the update before applying it, so nobody waits for the
   * server's own copy; true (or unsure) keeps apply, judge, relay, so nobody sees a refused
   * change. Should `enforce` undo something after all, the undoing follows the update.
   */
  mayRefuse(doc: Y.Doc, connection: Connection, update: Uint8Array): boolean;
}
