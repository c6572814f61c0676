import { getNotesMap, getParticipantsMap, getRepliesMap, type LaneId, readNote, readParticipant } from '@costudio/shared';
import type * as Y from 'yjs';
import type { Connection } from '../relay/Connection.ts';
import { plainField } from './entryState.ts';
import type { ParticipantRule } from './ParticipantGuard.ts';
import type { VoterBindings } from './VoterBindings.ts';

const NO_FREE_KEYS: ReadonlySet<string> = new Set();

/**
 * Replies on notes (issue 16), for a participant's edit link:
 * - a reply is written once: changing any field of an existing one (its author, role, text,
 *   note) is undone, so nobody can rewrite what someone else said or who said it;
 * - a new reply's `authorRole` must be the role of the participant the socket registered as
 *   (VoterBindings); a socket not registered yet may reply as a lay participant only. So a lay
 *   participant cannot mark a lay note "answered" by replying as a practitioner;
 * - a reply may be deleted by the socket that wrote it, or in the same update as its note
 *   (deleteNote itself leaves replies for readers to skip; other tools may delete both) but
 *   not while lanes are locked, when the note may be brought back; any other deletion is undone. Who wrote which reply is kept in memory only, never
 *   stored, so an anonymous reply stays tied to nobody; after a restart only the facilitator
 *   can delete an older reply;
 * - in a locked lane, replies to its notes can be neither added nor deleted, as its notes
 *   cannot be changed.
 * A display name cannot be checked (names live only in presence), as for notes. Facilitators
 * and servers run without links are not bound.
 */
export function replyRule(voters: VoterBindings, lockedLanes: () => ReadonlySet<LaneId> | undefined): ParticipantRule {
  let doc: Y.Doc | null = null;
  // Reply id → the participant id of the socket that wrote it, or that socket if it had none.
  const writers = new Map<string, string | WeakRef<Connection>>();
  const noteLane = (noteId: unknown): LaneId | null => {
    if (!doc || typeof noteId !== 'string') return null;
    return readNote(noteId, getNotesMap(doc).get(noteId))?.lane ?? null;
  };
  const locked = (noteId: unknown) => {
    const lane = noteLane(noteId);
    return lane !== null && (lockedLanes()?.has(lane) ?? false);
  };
  const roleOf = (connection: Connection) => {
    const participant = voters.voterOf(connection);
    if (!doc || participant === undefined) return null;
    return readParticipant(participant, getParticipantsMap(doc).get(participant))?.role ?? null;
  };
  return {
    map: (target: Y.Doc) => {
      doc = target;
      return getRepliesMap(target) as Y.Map<unknown>;
    },
    freeKeys: NO_FREE_KEYS,
    active: () => true,
    binds: (connection) => connection.access === 'edit' && !!connection.meta?.linkId,
    refuses: (before, after, connection, id) => {
      if (before !== null && after !== null) return true;
      if (after !== null) {
        const noteId = plainField(after, 'noteId');
        const role = plainField(after, 'authorRole');
        if (locked(noteId) || role !== (roleOf(connection) ?? 'lay')) return true;
        const participant = voters.voterOf(connection);
        writers.set(id, participant ?? new WeakRef(connection));
        return false;
      }
      if (before === null) return false;
      const noteId = plainField(before, 'noteId');
      // Gone with its note: readers would skip it anyway. While lanes are
      // locked the note may have been in one, and laneLockRule is about to bring it back, so
      // its thread stays (a reply left behind by a note truly gone is read by nobody).
      if (noteLane(noteId) === null) return (lockedLanes()?.size ?? 0) > 0;
      if (locked(noteId)) return true;
      const writer = writers.get(id);
      const mine = typeof writer === 'string' ? writer === voters.voterOf(connection) : writer?.deref() === connection;
      if (mine) writers.delete(id);
      return !mine;
    },
  };
}
