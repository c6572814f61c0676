import { type Note, roleWord, type Translator } from '@costudio/shared';
import { currentTranslator } from '../i18n/localeChoice.ts';

/** Who wrote a note, as people read it: "Sam (Lay participant)", or the role alone if anonymous. */
export function noteAuthor(note: Pick<Note, 'author' | 'authorRole' | 'anonymous'>, t: Translator = currentTranslator()): string {
  return note.anonymous || note.author === ''
    ? roleWord(t, note.authorRole, 'anonymousName')
    : t.t('note.author', { name: note.author, role: roleWord(t, note.authorRole, 'label') });
}

/** The accessible name of a note's text field, e.g. "Note by Sam (Lay participant)". */
export function noteFieldName(
  note: Pick<Note, 'author' | 'authorRole' | 'anonymous'>,
  t: Translator = currentTranslator(),
): string {
  const author = note.anonymous || note.author === '' ? roleWord(t, note.authorRole, 'anonymousNameLower') : noteAuthor(note, t);
  return t.t('note.fieldName', { author });
}

/** A note's text as a short label for buttons and table rows. */
export function noteLabel(text: string, max = 60, t: Translator = currentTranslator()): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return t.t('note.empty');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
