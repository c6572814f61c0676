import type * as Y from 'yjs';
import { isLaneId, LANE_IDS, type LaneId } from './lanes.ts';
import { isRole, ROLES, type Role } from './roles.ts';

/**
 * Top-level map `activity`: a grow-only counter of note edits per lane and role.
 *
 * Key: `${lane}:${role}:${writer}` where writer is the Yjs clientID of the editing session;
 * value: a non-negative integer. Each session only ever increments its own keys, so two people
 * counting at the same moment never overwrite each other (a G-counter). The map grows by at
 * most 12 keys (6 lanes × 2 roles) per editing session, whatever the number of notes or edits.
 *
 * The key holds no participant id and no note id, so it cannot tie a person to an anonymous
 * note. Edits are attributed to the lane the note was in and the role the editor had at the
 * moment of the edit.
 */
export const ACTIVITY_MAP = 'activity';

/** Counts indexed by lane, then role. */
export type LaneRoleCounts = Record<LaneId, Record<Role, number>>;

export function getActivityMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ACTIVITY_MAP);
}

export function activityKey(lane: LaneId, role: Role, writer: number): string {
  return `${lane}:${role}:${writer}`;
}

export function emptyLaneRoleCounts(): LaneRoleCounts {
  const counts = {} as LaneRoleCounts;
  for (const lane of LANE_IDS) counts[lane] = emptyRoleCounts();
  return counts;
}

export function emptyRoleCounts(): Record<Role, number> {
  const counts = {} as Record<Role, number>;
  for (const role of ROLES) counts[role] = 0;
  return counts;
}

/** Sums the edit counters by lane and role. Unreadable keys or values are skipped. Never throws. */
export function readEditCounts(doc: Y.Doc): LaneRoleCounts {
  const counts = emptyLaneRoleCounts();
  getActivityMap(doc).forEach((value, key) => {
    const [lane, role, writer, extra] = key.split(':');
    if (extra !== undefined || !isLaneId(lane) || !isRole(role) || !writer || !/^\d+$/.test(writer)) return;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return;
    counts[lane][role] += value;
  });
  return counts;
}
