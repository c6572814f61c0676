import { type Note, ROLE_INFO } from '@costudio/shared';

/** Who wrote a note, as people read it: "Sam (Lay participant)", or the role alone if anonymous. */
export function noteAuthor(note: Pick<Note, 'author' | 'authorRole' | 'anonymous'>): string {
  const role = ROLE_INFO[note.authorRole];
  return note.anonymous || note.author === '' ? role.anonymousName : `${note.author} (${role.label})`;
}

/** The accessible name of a note's text field, e.g. "Note by Sam (Lay participant)". */
export function noteFieldName(note: Pick<Note, 'author' | 'authorRole' | 'anonymous'>): string {
  const role = ROLE_INFO[note.authorRole];
  return note.anonymous || note.author === '' ? `Note by ${role.anonymousName.toLowerCase()}` : `Note by ${noteAuthor(note)}`;
}
