import { getParticipantsMap } from '@costudio/shared';
import type * as Y from 'yjs';
import type { Connection } from '../relay/Connection.ts';
import type { UpdateGuard } from '../relay/UpdateGuard.ts';

/**
 * Which participant id each socket on one board votes as (issue 13, item 4). A participant id
 * is a random pseudonym the page keeps on the device and registers in `participants` when it
 * syncs; the server cannot derive it, so it takes the socket at its word once: a socket is bound
 * to the first participant id it registers, or else to the voter of the first dots it places or
 * takes back, and from then on may touch no other voter's dots. An id first used on this board
 * (since it loaded) through one link cannot be taken by a socket of another link, so an edit
 * link cannot vote as, or take back the dots of, the facilitator. Invented voters then cost a
 * socket each, and sockets are bounded per address.
 */
export class VoterBindings {
  private readonly voters = new WeakMap<Connection, string>();
  /** Participant id → the link it was first bound through. */
  private readonly owners = new Map<string, string>();

  /** The participant id `connection` votes as, if it is bound yet. */
  voterOf(connection: Connection): string | undefined {
    return this.voters.get(connection);
  }

  /** Binds `connection` to `participantId` unless it is bound to another or the id is another link's. */
  claim(connection: Connection, participantId: string): boolean {
    const bound = this.voters.get(connection);
    if (bound !== undefined) return bound === participantId;
    const linkId = connection.meta?.linkId ?? null;
    const owner = this.owners.get(participantId);
    if (owner !== undefined && owner !== linkId) return false;
    if (linkId !== null) this.owners.set(participantId, linkId);
    this.voters.set(connection, participantId);
    return true;
  }

  /** `inner`, with the participant entries each update registers or refreshes binding its socket. */
  guard(inner: UpdateGuard): UpdateGuard {
    return {
      enforce: (doc, connection, apply) => inner.enforce(doc, connection, () => this.bindOnRegistration(doc, connection, apply)),
      // Binding a socket to a participant refuses nothing: the rules decide.
      mayRefuse: (doc, connection, update) => inner.mayRefuse(doc, connection, update),
    };
  }

  private bindOnRegistration(doc: Y.Doc, connection: Connection, apply: () => void): void {
    if (this.voters.has(connection) || !connection.meta?.linkId) {
      apply();
      return;
    }
    const participants = getParticipantsMap(doc);
    const registered: string[] = [];
    const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const event of events) {
        if (event.target === participants) {
          for (const id of (event as Y.YMapEvent<unknown>).keysChanged) if (participants.has(id)) registered.push(id);
        } else if (typeof event.path[0] === 'string') {
          registered.push(event.path[0]);
        }
      }
    };
    participants.observeDeep(onChange);
    try {
      apply();
    } finally {
      participants.unobserveDeep(onChange);
    }
    const first = registered[0];
    if (first !== undefined) this.claim(connection, first);
  }
}
