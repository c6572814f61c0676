import { colorName, laneTitle, type Note, type Role, roleWord, type Translator } from '@costudio/shared';
import { currentTranslator } from '../i18n/localeChoice.ts';
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
  t: Translator = currentTranslator(),
): string | null {
  const lane = (id: Note['lane']) => laneTitle(t, id);
  if (level === 'none') return null;
  if (!before && after) {
    // An anonymous note never gives its author away, whatever awareness says.
    const who = after.anonymous
      ? { name: null, role: after.authorRole }
      : { name: actor.name, role: actor.role ?? after.authorRole };
    return t.t('announce.added', { who: whoSays(who, level, t), lane: lane(after.lane) });
  }
  if (before && !after) return t.t('announce.removed', { who: whoSays(actor, level, t), lane: lane(before.lane) });
  if (!before || !after) return null;
  if (before.lane !== after.lane) {
    return t.t('announce.moved', { who: whoSays(actor, level, t), from: lane(before.lane), to: lane(after.lane) });
  }
  if (level !== 'more') return null;
  if (before.color !== after.color) {
    return t.t('announce.recoloured', {
      who: whoSays(actor, level, t),
      lane: lane(after.lane),
      color: colorName(t, after.color, true),
    });
  }
  if (before.text !== after.text) return t.t('announce.writing', { who: whoSays(actor, level, t), lane: lane(after.lane) });
  return null;
}

function whoSays(actor: Actor, level: AnnounceLevel, t: Translator): string {
  if (!actor.role) return t.t('announce.who.someone');
  if (level === 'more' && actor.name) {
    return t.t('announce.who.named', { name: actor.name, role: roleWord(t, actor.role, 'labelLower') });
  }
  return t.t(`announce.who.${actor.role}`);
}
