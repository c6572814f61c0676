import * as Y from 'yjs';
import { getNotesMap } from './boardDoc.ts';
import { MAX_AUTHOR_LENGTH, NOTE_ID_PATTERN, readNote } from './note.ts';
import { isRole, type Role } from './roles.ts';

/**
 * Top-level map `replies` (docs/schema.md): reply id → Y.Map with `noteId`, `text`, `author`,
 * `authorRole`, `anonymous`, `createdAt` and, like a note, an optional `authorKey`
 * (schema/noteAuthorship.ts, hashed with the reply's id). A reply is written once and never
 * edited; it can only be deleted.
 */
export const REPLIES_MAP = 'replies';

export const MAX_REPLY_LENGTH = 500;
export const REPLY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * One reply in a note's thread. Invariants after readReply(): `text` is non-empty and at most
 * MAX_REPLY_LENGTH characters, `author` is '' whenever `anonymous` is true.
 */
export interface Reply {
  readonly id: string;
  /** The note replied to. */
  readonly noteId: string;
  readonly text: string;
  /** Display name; '' when anonymous. */
  readonly author: string;
  readonly authorRole: Role;
  readonly anonymous: boolean;
  /** Milliseconds since the epoch on the writing device. */
  readonly createdAt: number;
}

export function getRepliesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(REPLIES_MAP);
}

/**
 * Reads a reply, repairing what can be repaired (unknown role → lay, bad time → 0, long text
 * cut) and returning null for what cannot (not a map, bad ids, no text). Never throws.
 */
export function readReply(id: string, value: unknown): Reply | null {
  if (!REPLY_ID_PATTERN.test(id) || !(value instanceof Y.Map)) return null;
  const noteId = value.get('noteId');
  if (typeof noteId !== 'string' || !NOTE_ID_PATTERN.test(noteId)) return null;
  const rawText = value.get('text');
  const text = (rawText instanceof Y.Text ? rawText.toString() : typeof rawText === 'string' ? rawText : '').slice(
    0,
    MAX_REPLY_LENGTH,
  );
  if (text.trim() === '') return null;
  const anonymous = value.get('anonymous') === true;
  const author = value.get('author');
  const role = value.get('authorRole');
  const createdAt = value.get('createdAt');
  return {
    id,
    noteId,
    text,
    author: !anonymous && typeof author === 'string' ? author.slice(0, MAX_AUTHOR_LENGTH) : '',
    authorRole: isRole(role) ? role : 'lay',
    anonymous,
    createdAt: typeof createdAt === 'number' && Number.isFinite(createdAt) && createdAt >= 0 ? createdAt : 0,
  };
}

/** A reply as the Y.Map it is stored as: the one writer of the reply layout. */
export function replyToYMap(reply: Reply): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  map.set('noteId', reply.noteId);
  map.set('text', reply.text);
  map.set('author', reply.anonymous ? '' : reply.author);
  map.set('authorRole', reply.authorRole);
  map.set('anonymous', reply.anonymous);
  map.set('createdAt', reply.createdAt);
  return map;
}

/**
 * Every readable reply to a note that is on the board, oldest first (by createdAt, then id).
 * A reply whose note was deleted, even concurrently with the reply, is not read: it
 * disappears with its note.
 */
export function readReplies(doc: Y.Doc): Reply[] {
  const notes = getNotesMap(doc);
  const replies: Reply[] = [];
  getRepliesMap(doc).forEach((value, id) => {
    const reply = readReply(id, value);
    if (reply && readNote(reply.noteId, notes.get(reply.noteId))) replies.push(reply);
  });
  return replies.sort(compareReplies);
}

/** note id → its replies, oldest first. Notes without replies have no entry. */
export function repliesByNote(doc: Y.Doc): Map<string, Reply[]> {
  return groupRepliesByNote(readReplies(doc));
}

/** The same grouping for replies already read, e.g. by analysis code that gets plain arrays. */
export function groupRepliesByNote(replies: readonly Reply[]): Map<string, Reply[]> {
  const byNote = new Map<string, Reply[]>();
  for (const reply of [...replies].sort(compareReplies)) {
    const thread = byNote.get(reply.noteId);
    if (thread) thread.push(reply);
    else byNote.set(reply.noteId, [reply]);
  }
  return byNote;
}

export function compareReplies(a: Reply, b: Reply): number {
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
