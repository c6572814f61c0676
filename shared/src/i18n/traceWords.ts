import type { NoteStatus } from '../analysis/noteStatus.ts';
import type { Translator } from './translator.ts';

/** A note's status in plain words ("Being done"); the word always carries the meaning, never colour alone. */
export function statusLabel(t: Translator, status: NoteStatus): string {
  return t.t(`trace.status.${status}`);
}

/** What a status means, for a lay reader ("Something is being done about it."). */
export function statusMeaning(t: Translator, status: NoteStatus): string {
  return t.t(`trace.meaning.${status}`);
}
