/**
 * The facilitation document: each board's companion sync room, `<boardId>__facilitation`,
 * holding what only facilitators may change (docs/api.md#facilitation-document). The relay
 * gives facilitator links write access to it and everyone else view access, so these values
 * can only be changed by a facilitator, however a client is modified. Server and client both
 * read these names from here, so they cannot drift apart.
 */

import type * as Y from 'yjs';
import { isLaneId, type LaneId } from './lanes.ts';

/** Suffix of a board's facilitation room: `<boardId>__facilitation`. */
export const FACILITATION_SUFFIX = '__facilitation';

/** Name of the one root `Y.Map` of the facilitation document. */
export const FACILITATION_MAP = 'facilitation';

/**
 * Key: boolean. `true` while the whole board is locked against participants' changes; the relay
 * enforces it by giving `edit` links `view` access until it is unlocked.
 */
export const BOARD_LOCKED_KEY = 'boardLocked';

/**
 * Key: `{durationMs, endsAt: number | null, remainingMs}`, the shared countdown, stored as one
 * value so a change is atomic. Running while `endsAt` (the facilitator's clock, ms) is set;
 * paused otherwise, with `remainingMs` left.
 */
export const TIMER_KEY = 'timer';

/**
 * Key: lane ids locked against participants' changes. Costudio's client refuses them up front;
 * the relay undoes, as a new change, whatever a participant's update changed in these lanes.
 */
export const LOCKED_LANES_KEY = 'lockedLanes';

/** The locked lanes named in a facilitation map (anything that is not a lane id is ignored). */
export function readLockedLanes(map: Y.Map<unknown> | undefined): ReadonlySet<LaneId> {
  const value = map?.get(LOCKED_LANES_KEY);
  return new Set(Array.isArray(value) ? value.filter(isLaneId) : []);
}

/** Key: `{clientId, at}`, "bring everyone to me": other open pages follow that board-awareness client. */
export const SUMMON_KEY = 'summon';

/** Key: boolean. `true` while participants' new notes go to their private rooms. */
export const PRIVATE_WRITING_KEY = 'privateWriting';

/** What the room's screen (`?view=projector`) shows: the whole board, or the facilitator's view. */
export type ProjectorView = 'board' | 'follow';
/** How large the room's screen shows its join code: by the number of people here, or as chosen. */
export type ProjectorJoinSize = 'auto' | 'large' | 'small';
export interface ProjectorSettings {
  readonly view: ProjectorView;
  readonly join: ProjectorJoinSize;
}

/** Key: `{view, join}` (ProjectorSettings), the facilitator's choices for the room's screen. */
export const PROJECTOR_KEY = 'projector';

/** The projector settings in a facilitation map; anything missing or unknown reads as the default. */
export function readProjectorSettings(map: Y.Map<unknown> | undefined): ProjectorSettings {
  const value = map?.get(PROJECTOR_KEY) as { view?: unknown; join?: unknown } | undefined;
  const view = value?.view === 'follow' ? 'follow' : 'board';
  const join = value?.join === 'large' || value?.join === 'small' ? value.join : 'auto';
  return { view, join };
}

/**
 * Infix of a private-writing room, `<boardId>__private__<secret>`: one participant's notes
 * written in private mode. The secret (16–32 random base64url characters, kept on the author's
 * device) is what makes it theirs.
 */
export const PRIVATE_INFIX = '__private__';

/** The facilitation room of `boardId`. */
export function facilitationRoomId(boardId: string): string {
  return `${boardId}${FACILITATION_SUFFIX}`;
}

/** The private-writing room of `boardId` named by its author's `secret`. */
export function privateRoomId(boardId: string, secret: string): string {
  return `${boardId}${PRIVATE_INFIX}${secret}`;
}
