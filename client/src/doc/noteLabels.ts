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

/** A note's text as a short label for buttons and table rows. */
export function noteLabel(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return '(empty note)';
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
