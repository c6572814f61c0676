import { laneById, NOTE_COLOR_LABEL, type Note, ROLE_INFO, type Role } from '@costudio/shared';
import type { AnnounceLevel } from '../settings/deviceSettings.ts';

/** Who made a change, as far as this browser knows. */
export interface Actor {
  name: string | null;
  role: Role | null;
}

/**
 * The sentence read out for one note changed by someone else, or null when the change is not
 * worth hearing at this level. "Less" hears notes added, moved to another lane and removed;
 * "more" also hears colour changes and writing, and names people who are not anonymous.
 */
export function describeNoteChange(
  before: Note | undefined,
  after: Note | undefined,
  actor: Actor,
  level: AnnounceLevel,
): string | null {
  if (level === 'none') return null;
  if (!before && after) {
    // An anonymous note never gives its author away, whatever awareness says.
    const who = after.anonymous
      ? { name: null, role: after.authorRole }
      : { name: actor.name, role: actor.role ?? after.authorRole };
    return `${whoSays(who, level)} added a note to ${laneById(after.lane).title}.`;
  }
  if (before && !after) return `${whoSays(actor, level)} removed a note from ${laneById(before.lane).title}.`;
  if (!before || !after) return null;
  if (before.lane !== after.lane) {
    return `${whoSays(actor, level)} moved a note from ${laneById(before.lane).title} to ${laneById(after.lane).title}.`;
  }
  if (level !== 'more') return null;
  if (before.color !== after.color) {
    return `${whoSays(actor, level)} made a note in ${laneById(after.lane).title} ${NOTE_COLOR_LABEL[after.color].toLowerCase()}.`;
  }
  if (before.text !== after.text) return `${whoSays(actor, level)} is writing in a note in ${laneById(after.lane).title}.`;
  return null;
}

function whoSays(actor: Actor, level: AnnounceLevel): string {
  if (!actor.role) return 'Someone';
  const role = ROLE_INFO[actor.role];
  if (level === 'more' && actor.name) return `${actor.name} (${role.label.toLowerCase()})`;
  return role.anonymousName;
}
