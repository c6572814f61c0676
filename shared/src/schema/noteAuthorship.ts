import { digest } from 'lib0/hash/sha256';
import * as Y from 'yjs';

/**
 * Field `authorKey` of a note (docs/schema.md): proof of who wrote it, without saying who.
 * The writing device keeps a random secret per board; the note stores
 * `hex(sha256("costudio-author:" + secret + ":" + noteId))`. Only the holder of the secret can
 * show the note is theirs (to erase it, docs/privacy.md), and because the note id is in the
 * hash, two notes of one person carry unrelated keys: an anonymous note stays unlinkable to
 * that person's named notes. Absent on notes written before it existed, or by other tools.
 */
export const AUTHOR_KEY_FIELD = 'authorKey';

/** What a device may use as its author secret. */
export const AUTHOR_SECRET_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

export function noteAuthorKey(secret: string, noteId: string): string {
  const hash = digest(new TextEncoder().encode(`costudio-author:${secret}:${noteId}`));
  return Array.from(hash, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Whether the note (its Y.Map, as stored) was written by the holder of `secret`. */
export function isAuthoredBy(note: unknown, noteId: string, secret: string): boolean {
  if (!(note instanceof Y.Map) || !AUTHOR_SECRET_PATTERN.test(secret)) return false;
  const key = note.get(AUTHOR_KEY_FIELD);
  return typeof key === 'string' && key === noteAuthorKey(secret, noteId);
}
