import * as random from 'lib0/random';
import * as Y from 'yjs';
import { getNotesMap } from '../schema/boardDoc.ts';
import { MAX_AUTHOR_LENGTH, readNote } from '../schema/note.ts';
import { AUTHOR_KEY_FIELD, AUTHOR_SECRET_PATTERN, noteAuthorKey } from '../schema/noteAuthorship.ts';
import { getRepliesMap, MAX_REPLY_LENGTH, REPLY_ID_PATTERN, replyToYMap } from '../schema/reply.ts';
import type { Role } from '../schema/roles.ts';

export interface NewReply {
  noteId: string;
  text: string;
  /** Display name; not written to the document at all when `anonymous`. */
  author: string;
  authorRole: Role;
  anonymous: boolean;
  /** This device's author secret for the board: the reply then carries its `authorKey`, so its writer can erase it. */
  authorSecret?: string;
  /** Defaults to a fresh random id. */
  id?: string;
  createdAt?: number;
}

/**
 * Adds a reply to a note in one transaction and returns its id; null when the note is not on
 * the board or the text is blank. Text is trimmed and cut to MAX_REPLY_LENGTH. An anonymous
 * reply is written from a throwaway document, for the reason createAnonymousNote gives: the
 * Yjs client id would otherwise tie it to this person's named contributions.
 */
export function addReply(doc: Y.Doc, input: NewReply, origin: unknown = null): string | null {
  const text = input.text.trim().slice(0, MAX_REPLY_LENGTH);
  if (text === '' || !readNote(input.noteId, getNotesMap(doc).get(input.noteId))) return null;
  const id = input.id ?? random.uuidv4();
  if (!REPLY_ID_PATTERN.test(id)) throw new RangeError(`Invalid reply id: ${id}`);
  const anonymous = input.anonymous === true;
  const write = (target: Y.Doc) => {
    const map = replyToYMap({
      id,
      noteId: input.noteId,
      text,
      author: anonymous ? '' : input.author.trim().slice(0, MAX_AUTHOR_LENGTH),
      authorRole: input.authorRole,
      anonymous,
      createdAt: input.createdAt ?? Date.now(),
    });
    if (input.authorSecret && AUTHOR_SECRET_PATTERN.test(input.authorSecret)) {
      map.set(AUTHOR_KEY_FIELD, noteAuthorKey(input.authorSecret, id));
    }
    target.transact(() => getRepliesMap(target).set(id, map), origin);
  };
  if (!anonymous) {
    write(doc);
    return id;
  }
  const throwaway = new Y.Doc();
  try {
    write(throwaway);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(throwaway), origin);
    return id;
  } finally {
    throwaway.destroy();
  }
}

export function deleteReply(doc: Y.Doc, id: string, origin: unknown = null): boolean {
  const replies = getRepliesMap(doc);
  if (!replies.has(id)) return false;
  doc.transact(() => replies.delete(id), origin);
  return true;
}
