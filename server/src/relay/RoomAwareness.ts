import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { gateAwarenessUpdate } from './awarenessGate.ts';
import type { Connection } from './Connection.ts';
import { FramedMessage } from './FramedMessage.ts';
import { encodeAwarenessMessage } from './messages.ts';

/** Origin of removals of a closed socket's states, which other instances are told of too. */
const LEFT_ORIGIN = 'costudio:left';

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
  /** Which socket introduced each awareness client id: only it may change or remove that state. */
  private readonly owners = new Map<number, Connection>();

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

  /**
   * Applies a change; `origin` is the socket it came from, or anything else for another
   * instance. A socket's change is first bound to it (awarenessGate.ts).
   */
  apply(update: Uint8Array, origin: unknown): void {
    const connection = this.connections.has(origin as Connection) ? (origin as Connection) : null;
    const gated = connection
      ? gateAwarenessUpdate(update, {
          ownerOf: (client) => {
            const owner = this.owners.get(client);
            if (owner) return owner === connection ? 'this-connection' : 'another-connection';
            // Present but introduced elsewhere (another server instance).
            return this.states.getStates().has(client) ? 'another-connection' : 'nobody';
          },
          facilitates: connection.access === 'facilitate',
        })
      : update;
    if (gated) awarenessProtocol.applyAwarenessUpdate(this.states, gated, origin);
  }

  /** Drops the states a closing socket introduced (here and on the other instances). */
  forget(connection: Connection): void {
    const clients = connection.awarenessClients;
    if (!clients) return;
    awarenessProtocol.removeAwarenessStates(this.states, clients, LEFT_ORIGIN);
    for (const client of clients) if (this.owners.get(client) === connection) this.owners.delete(client);
  }

  /** Tells the other instances who is present through this one (they asked: a room of theirs just loaded). */
  publishLocal(): void {
    const clients = [...this.owners.keys()].filter((client) => this.states.getStates().has(client));
    if (clients.length > 0) this.publish(awarenessProtocol.encodeAwarenessUpdate(this.states, clients));
  }

  private readonly onUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
    const changed = added.concat(updated, removed);
    if (changed.length === 0) return;
    const connection = this.connections.has(origin as Connection) ? (origin as Connection) : null;
    if (connection) {
      for (const client of added) this.adopt(connection, client);
      if (removed.length > 0 && connection.awarenessClients) {
        connection.awarenessClients = connection.awarenessClients.filter((client) => !removed.includes(client));
        for (const client of removed) if (this.owners.get(client) === connection) this.owners.delete(client);
      }
    }
    const update = awarenessProtocol.encodeAwarenessUpdate(this.states, changed);
    // Everyone, the sender included: the stock client reconnects after 30 s without a message,
    // and the echo of its own awareness renewal is what an idle client receives.
    const message = FramedMessage.awareness(update);
    for (const other of this.connections) other.sendFramed(message);
    // Other instances time out states only after 30 s, so a departure is told at once.
    if (connection || origin === LEFT_ORIGIN) this.publish(update);
  };

  private adopt(connection: Connection, client: number): void {
    this.owners.set(client, connection);
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
