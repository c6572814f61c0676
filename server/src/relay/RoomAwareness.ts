import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Connection } from './Connection.ts';
import { encodeAwarenessMessage } from './messages.ts';

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * Who is on a board (cursors, names): the room's awareness states, which socket introduced which
 * Yjs client id (so its states go when it closes), and their relay to every socket. Never stored.
 */
export class RoomAwareness {
  readonly states: awarenessProtocol.Awareness;

  /**
   * `connections` is the room's live set of greeted sockets; `publish` tells other server
   * instances about a change that came from one of them.
   */
  constructor(
    private readonly doc: Y.Doc,
    private readonly connections: ReadonlySet<Connection>,
    private readonly publish: (update: Uint8Array) => void,
  ) {
    this.states = new awarenessProtocol.Awareness(doc);
    this.states.setLocalState(null);
    this.states.on('update', this.onUpdate);
  }

  /** Everyone present, for a connection that just joined or asked; nothing if nobody is. */
  sendAllTo(connection: Connection, evenIfEmpty: boolean): void {
    const clients = Array.from(this.states.getStates().keys());
    if (clients.length === 0 && !evenIfEmpty) return;
    connection.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.states, clients)));
  }

  /** Applies a change; `origin` is the socket it came from, or anything else for another instance. */
  apply(update: Uint8Array, origin: unknown): void {
    awarenessProtocol.applyAwarenessUpdate(this.states, update, origin);
  }

  /** Drops the states a closing socket introduced. */
  forget(connection: Connection): void {
    if (connection.awarenessClients) awarenessProtocol.removeAwarenessStates(this.states, connection.awarenessClients, null);
  }

  private readonly onUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
    const changed = added.concat(updated, removed);
    if (changed.length === 0) return;
    const connection = this.connections.has(origin as Connection) ? (origin as Connection) : null;
    if (connection) {
      for (const client of added) this.adopt(connection, client);
      if (removed.length > 0 && connection.awarenessClients) {
        connection.awarenessClients = connection.awarenessClients.filter((client) => !removed.includes(client));
      }
    }
    const update = awarenessProtocol.encodeAwarenessUpdate(this.states, changed);
    // Everyone, the sender included: the stock client reconnects after 30 s without a message,
    // and the echo of its own awareness renewal is what an idle client receives.
    const message = encodeAwarenessMessage(update);
    for (const other of this.connections) other.send(message);
    if (connection) this.publish(update);
  };

  private adopt(connection: Connection, client: number): void {
    connection.awarenessClients ??= [];
    if (!connection.awarenessClients.includes(client)) connection.awarenessClients.push(client);
    // A saving client learns its own id is durable up to what the doc holds, even if it has
    // nothing new to send on this connection.
    const saved = connection.savedClocks;
    if (saved) {
      const stored = Y.getState(this.doc.store, client);
      if (stored > (saved.get(client) ?? 0)) saved.set(client, stored);
    }
  }
}
