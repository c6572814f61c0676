import type * as Y from 'yjs';
import { MAX_NOTE_TEXT_LENGTH } from '../schema/note.ts';

/**
 * Applies a plain-text edit (what a <textarea> reports) to a Y.Text as the smallest
 * delete + insert around the common prefix and suffix. Writing the whole string instead
 * would erase characters another person typed into the same note at the same moment.
 */
export function applyTextEdit(text: Y.Text, next: string, origin: unknown = null): void {
  const bounded = next.slice(0, MAX_NOTE_TEXT_LENGTH);
  const current = text.toString();
  if (current === bounded) return;
  let start = 0;
  const maxStart = Math.min(current.length, bounded.length);
  while (start < maxStart && current.charCodeAt(start) === bounded.charCodeAt(start)) start++;
  let endCurrent = current.length;
  let endNext = bounded.length;
  while (endCurrent > start && endNext > start && current.charCodeAt(endCurrent - 1) === bounded.charCodeAt(endNext - 1)) {
    endCurrent--;
    endNext--;
  }
  // Never cut between the two halves of a surrogate pair (emoji), or both ends get garbled.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  if (endCurrent < current.length && isLowSurrogate(current.charCodeAt(endCurrent))) {
    endCurrent++;
    endNext++;
  }
  const doc = text.doc;
  const apply = () => {
    if (endCurrent > start) text.delete(start, endCurrent - start);
    if (endNext > start) text.insert(start, bounded.slice(start, endNext));
  };
  if (doc) doc.transact(apply, origin);
  else apply();
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
