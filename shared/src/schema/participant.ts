import * as Y from 'yjs';
import { isRole, type Role } from './roles.ts';

/**
 * Top-level map `participants`: participant id → Y.Map with the fields below. A participant id
 * is a random token kept on the person's device; it is a pseudonym, never a name.
 *
 * Display names are deliberately NOT stored here. A named note already carries its author's
 * name; if this map also paired names with participant ids, every dot (which must carry the
 * voter's participant id to cap dots per person) would become a named vote, and any future
 * field keyed by participant id could tie a person to an anonymous note. Names live only in
 * awareness (presence), which is never persisted.
 */
export const PARTICIPANTS_MAP = 'participants';

export interface Participant {
  readonly id: string;
  /** The person's role now. Actions record the role they had at the time (see docs/voting.md). */
  readonly role: Role;
  /** Milliseconds since the epoch when this participant first joined the board. */
  readonly joinedAt: number;
  /** Milliseconds since the epoch, updated at most once per LAST_SEEN_RESOLUTION_MS. */
  readonly lastSeenAt: number;
  /** When the role last changed; 0 when it never has. */
  readonly roleChangedAt: number;
}

/** What a client may use as a participant id: the same alphabet as note ids. */
export const PARTICIPANT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** lastSeenAt is refreshed at most this often so presence pings don't grow the document. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

export function getParticipantsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(PARTICIPANTS_MAP);
}

/**
 * Reads one participant. A participant whose role cannot be read is dropped (null) rather than
 * guessed, because a guessed role would skew every share computed from it. Never throws.
 */
export function readParticipant(id: string, value: unknown): Participant | null {
  if (!PARTICIPANT_ID_PATTERN.test(id) || !(value instanceof Y.Map)) return null;
  const role = value.get('role');
  if (!isRole(role)) return null;
  const joinedAt = timeOr(value.get('joinedAt'), 0);
  return {
    id,
    role,
    joinedAt,
    lastSeenAt: Math.max(joinedAt, timeOr(value.get('lastSeenAt'), joinedAt)),
    roleChangedAt: timeOr(value.get('roleChangedAt'), 0),
  };
}

/** All readable participants, sorted by id so every peer lists them in the same order. */
export function readParticipants(doc: Y.Doc): Participant[] {
  const participants: Participant[] = [];
  getParticipantsMap(doc).forEach((value, id) => {
    const participant = readParticipant(id, value);
    if (participant) participants.push(participant);
  });
  return participants.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function timeOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}
