import * as Y from 'yjs';
import type { Connection } from '../../server/src/relay/Connection.ts';
import type { UpdateGuard } from '../../server/src/relay/UpdateGuard.ts';

/** A server doc behind a guard, and one person's doc kept in step with it, for guard tests. */
export interface GuardedDocs {
  readonly server: Y.Doc;
  readonly person: Y.Doc;
  /**
   * Makes `change` on the person's doc and sends the update through the guard as `connection`'s;
   * the undoing, if any, is applied back to the person's doc and returned.
   */
  send(connection: Connection, change: (doc: Y.Doc) => void): Uint8Array | null;
}

/** `seed` fills the server's doc before the person's doc copies it. */
export function guardedDocs(guard: UpdateGuard, seed: (doc: Y.Doc) => void): GuardedDocs {
  const server = new Y.Doc();
  seed(server);
  const person = new Y.Doc();
  Y.applyUpdate(person, Y.encodeStateAsUpdate(server));
  return {
    server,
    person,
    send(connection, change) {
      const before = Y.encodeStateVector(person);
      change(person);
      const update = Y.encodeStateAsUpdate(person, before);
      const undo = guard.enforce(server, connection, () => Y.applyUpdate(server, update, connection));
      if (undo) Y.applyUpdate(person, undo);
      return undo;
    },
  };
}
