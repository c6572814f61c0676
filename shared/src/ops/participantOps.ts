import * as Y from 'yjs';
import { getParticipantsMap, LAST_SEEN_RESOLUTION_MS, PARTICIPANT_ID_PATTERN } from '../schema/participant.ts';
import type { Role } from '../schema/roles.ts';

export interface JoinBoard {
  /** The random id kept on the person's device. */
  participantId: string;
  role: Role;
  now?: number;
}

/**
 * Records that a person is on the board with this role: creates their entry on first join,
 * otherwise sets lastSeenAt to now and applies a role change. One transaction. Throws RangeError
 * on a malformed participant id (a programming error, not user input).
 */
export function joinBoard(doc: Y.Doc, input: JoinBoard, origin: unknown = null): void {
  const { participantId, role } = input;
  const now = input.now ?? Date.now();
  if (!PARTICIPANT_ID_PATTERN.test(participantId)) throw new RangeError(`Invalid participant id: ${participantId}`);
  doc.transact(() => {
    const participants = getParticipantsMap(doc);
    const existing = participants.get(participantId);
    if (existing instanceof Y.Map) {
      applyRole(existing, role, now);
      // Always written on a join, unlike touchParticipant: a page joins once per connection, and
      // this write is what binds the new socket to this participant on the relay (VoterBindings),
      // so a reply in their role stands even right after a reconnect.
      if (existing.get('lastSeenAt') !== now) existing.set('lastSeenAt', now);
      return;
    }
    const entry = new Y.Map<unknown>();
    entry.set('role', role);
    entry.set('joinedAt', now);
    entry.set('lastSeenAt', now);
    entry.set('roleChangedAt', 0);
    participants.set(participantId, entry);
  }, origin);
}

/**
 * Changes a participant's role. Earlier notes, edits and dots keep the role they were made
 * with; only later actions use the new one. Returns false when the participant is unknown.
 */
export function setParticipantRole(
  doc: Y.Doc,
  participantId: string,
  role: Role,
  now = Date.now(),
  origin: unknown = null,
): boolean {
  const entry = getParticipantsMap(doc).get(participantId);
  if (!(entry instanceof Y.Map)) return false;
  if (entry.get('role') === role) return true;
  doc.transact(() => applyRole(entry, role, now), origin);
  return true;
}

/**
 * Marks the participant as seen now. Writes only when the stored time is at least
 * LAST_SEEN_RESOLUTION_MS old, so calling it on every heartbeat costs nothing in the document.
 * Returns true when it wrote.
 */
export function touchParticipant(doc: Y.Doc, participantId: string, now = Date.now(), origin: unknown = null): boolean {
  const entry = getParticipantsMap(doc).get(participantId);
  if (!(entry instanceof Y.Map)) return false;
  const last = entry.get('lastSeenAt');
  if (typeof last === 'number' && now - last < LAST_SEEN_RESOLUTION_MS) return false;
  doc.transact(() => entry.set('lastSeenAt', now), origin);
  return true;
}

function applyRole(entry: Y.Map<unknown>, role: Role, now: number): void {
  if (entry.get('role') === role) return;
  entry.set('role', role);
  entry.set('roleChangedAt', now);
}
