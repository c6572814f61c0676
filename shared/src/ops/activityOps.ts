import type * as Y from 'yjs';
import { activityKey, getActivityMap } from '../schema/activity.ts';
import { getNotesMap } from '../schema/boardDoc.ts';
import { isLaneId } from '../schema/lanes.ts';
import type { Role } from '../schema/roles.ts';

/**
 * Counts one edit of a note by a person with `role`, against the note's current lane.
 *
 * Call it once per editing session of a note (for example when the editor closes and the text
 * changed), not per keystroke: the counter measures how many times people worked on notes, and
 * once per session keeps the document from growing with typing. Returns false when the note is
 * missing or unreadable.
 */
export function recordNoteEdit(doc: Y.Doc, noteId: string, role: Role, origin: unknown = null): boolean {
  const lane = getNotesMap(doc).get(noteId)?.get('lane');
  if (!isLaneId(lane)) return false;
  const key = activityKey(lane, role, doc.clientID);
  const activity = getActivityMap(doc);
  doc.transact(() => {
    const current = activity.get(key);
    activity.set(key, (typeof current === 'number' && Number.isInteger(current) && current >= 0 ? current : 0) + 1);
  }, origin);
  return true;
}
