import type { NoteColor } from '../schema/colors.ts';
import type { LaneId } from '../schema/lanes.ts';
import type { Role } from '../schema/roles.ts';
import type { Translator } from './translator.ts';

/** The board's stored ids (lanes, roles, colours) as words in the reader's language. */
export function laneTitle(t: Translator, lane: LaneId): string {
  return t.t(`lane.${lane}.title`);
}

export function lanePrompt(t: Translator, lane: LaneId): string {
  return t.t(`lane.${lane}.prompt`);
}

export type RoleWord = 'label' | 'labelPlural' | 'labelLower' | 'description' | 'anonymousName' | 'anonymousNameLower';

export function roleWord(t: Translator, role: Role, word: RoleWord): string {
  return t.t(`role.${role}.${word}`);
}

export function colorName(t: Translator, color: NoteColor, lower = false): string {
  return lower ? t.t(`color.${color}.lower`) : t.t(`color.${color}`);
}
