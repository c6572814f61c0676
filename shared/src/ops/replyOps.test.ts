import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isAuthoredBy } from '../schema/noteAuthorship.ts';
import { getRepliesMap, MAX_REPLY_LENGTH, readReplies, readReply, repliesByNote } from '../schema/reply.ts';
import { eraseContributions } from './eraseOps.ts';
import { createNote, deleteNote } from './noteOps.ts';
import { addReply, deleteReply } from './replyOps.ts';

const SECRET = 'device-secret-0123456789';

function board() {
  const doc = new Y.Doc();
  const said = createNote(doc, { lane: 'define', text: 'The letters are confusing', author: 'Ann', authorRole: 'lay' });
  return { doc, said };
}

describe('addReply', () => {
  it('writes a reply that reads back with its role, trimmed and cut to the limit', () => {
    const { doc, said } = board();
    const id = addReply(doc, {
      noteId: said,
      text: `  ${'x'.repeat(MAX_REPLY_LENGTH + 20)}  `,
      author: ' Dr Rao ',
      authorRole: 'practitioner',
      anonymous: false,
      createdAt: 7,
    });
    expect(id).not.toBeNull();
    expect(readReplies(doc)).toEqual([
      {
        id,
        noteId: said,
        text: 'x'.repeat(MAX_REPLY_LENGTH),
        author: 'Dr Rao',
        authorRole: 'practitioner',
        anonymous: false,
        createdAt: 7,
      },
    ]);
  });

  it('refuses a blank reply and a reply to a note that is not there', () => {
    const { doc, said } = board();
    expect(addReply(doc, { noteId: said, text: '   ', author: 'A', authorRole: 'lay', anonymous: false })).toBeNull();
    expect(addReply(doc, { noteId: 'gone', text: 'Hello', author: 'A', authorRole: 'lay', anonymous: false })).toBeNull();
    expect(getRepliesMap(doc).size).toBe(0);
  });

  it('writes no name for an anonymous reply, and not from this device’s Yjs client id', () => {
    const { doc, said } = board();
    const id = addReply(doc, { noteId: said, text: 'Same for me', author: 'Secret Name', authorRole: 'lay', anonymous: true });
    const reply = readReplies(doc)[0];
    expect(reply).toMatchObject({ id, author: '', anonymous: true, authorRole: 'lay' });
    expect(Buffer.from(Y.encodeStateAsUpdate(doc)).includes(Buffer.from('Secret Name'))).toBe(false);
    const clients = new Set<number>();
    for (const item of getRepliesMap(doc)._map.values()) clients.add(item.id.client);
    expect(clients.has(doc.clientID)).toBe(false);
  });

  it('carries an authorKey that only the writer’s secret proves', () => {
    const { doc, said } = board();
    const id = addReply(doc, {
      noteId: said,
      text: 'Mine',
      author: 'A',
      authorRole: 'lay',
      anonymous: true,
      authorSecret: SECRET,
    });
    expect(isAuthoredBy(getRepliesMap(doc).get(id as string), id as string, SECRET)).toBe(true);
    expect(isAuthoredBy(getRepliesMap(doc).get(id as string), id as string, 'another-secret-0123456')).toBe(false);
  });

  it('keeps a thread oldest first, per note', () => {
    const { doc, said } = board();
    const other = createNote(doc, { lane: 'design', text: 'Plain English', author: 'B', authorRole: 'lay' });
    addReply(doc, { noteId: said, text: 'second', author: 'A', authorRole: 'lay', anonymous: false, createdAt: 20 });
    addReply(doc, { noteId: said, text: 'first', author: 'B', authorRole: 'practitioner', anonymous: false, createdAt: 10 });
    addReply(doc, { noteId: other, text: 'only', author: 'C', authorRole: 'lay', anonymous: false, createdAt: 5 });
    const threads = repliesByNote(doc);
    expect(threads.get(said)?.map((reply) => reply.text)).toEqual(['first', 'second']);
    expect(threads.get(other)?.map((reply) => reply.text)).toEqual(['only']);
  });

  it('deleteReply removes one reply', () => {
    const { doc, said } = board();
    const id = addReply(doc, { noteId: said, text: 'Oops', author: 'A', authorRole: 'lay', anonymous: false }) as string;
    expect(deleteReply(doc, id)).toBe(true);
    expect(deleteReply(doc, id)).toBe(false);
    expect(readReplies(doc)).toEqual([]);
  });
});

describe('readReply repairs or skips', () => {
  function stored(fields: Record<string, unknown>, id = 'r1'): unknown {
    const doc = new Y.Doc();
    const map = new Y.Map<unknown>();
    for (const [key, value] of Object.entries(fields)) map.set(key, value);
    getRepliesMap(doc).set(id, map as Y.Map<unknown>);
    return getRepliesMap(doc).get(id);
  }
  const VALID = { noteId: 'n1', text: 'Yes', author: 'Al', authorRole: 'lay', anonymous: false, createdAt: 3 };

  it.each<[string, Record<string, unknown>, Record<string, unknown> | null]>([
    ['a valid reply', {}, {}],
    ['an unknown role', { authorRole: 'admin' }, { authorRole: 'lay' }],
    ['a name on an anonymous reply', { anonymous: true }, { author: '', anonymous: true }],
    ['a bad time', { createdAt: -1 }, { createdAt: 0 }],
    ['a non-string author', { author: 5 }, { author: '' }],
    ['no note id', { noteId: undefined }, null],
    ['a malformed note id', { noteId: 'a b' }, null],
    ['blank text', { text: '  ' }, null],
    ['text of the wrong type', { text: 4 }, null],
  ])('%s', (_, change, expected) => {
    const fields = { ...VALID, ...change };
    for (const key of Object.keys(fields))
      if (fields[key as keyof typeof fields] === undefined) delete fields[key as keyof typeof fields];
    const read = readReply('r1', stored(fields));
    expect(read).toEqual(expected === null ? null : { id: 'r1', ...VALID, ...expected });
  });

  it('skips a value that is not a map and a malformed id', () => {
    expect(readReply('r1', 'text')).toBeNull();
    expect(readReply('bad id', stored(VALID))).toBeNull();
  });

  it('does not read a reply whose note was deleted while it was being written', () => {
    const { doc: a, said } = board();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    addReply(a, { noteId: said, text: 'Late reply', author: 'A', authorRole: 'practitioner', anonymous: false });
    deleteNote(b, said);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readReplies(a)).toEqual([]);
    expect(readReplies(b)).toEqual([]);
  });
});

describe('erasure and replies', () => {
  it('erases a person’s named replies, replies to their erased notes, and anonymous replies by id', () => {
    const { doc, said } = board();
    const bob = createNote(doc, { lane: 'define', text: 'Bob’s note', author: 'Bob', authorRole: 'practitioner' });
    addReply(doc, { noteId: bob, text: 'Ann says walrus-phrase', author: 'Ann', authorRole: 'lay', anonymous: false });
    addReply(doc, { noteId: said, text: 'Bob replies to Ann', author: 'Bob', authorRole: 'practitioner', anonymous: false });
    const anonymous = addReply(doc, {
      noteId: bob,
      text: 'quiet words',
      author: 'Ann',
      authorRole: 'lay',
      anonymous: true,
    }) as string;
    const kept = addReply(doc, {
      noteId: bob,
      text: 'Bob to himself',
      author: 'Bob',
      authorRole: 'practitioner',
      anonymous: false,
    });
    const count = eraseContributions(doc, { author: 'Ann', replyIds: [anonymous] });
    expect(count).toEqual({ notes: 1, dots: 0, participants: 0, replies: 3 });
    expect(readReplies(doc).map((reply) => reply.id)).toEqual([kept]);
    const state = Buffer.from(Y.encodeStateAsUpdate(doc));
    for (const phrase of ['walrus-phrase', 'quiet words', 'Bob replies to Ann', 'Ann'])
      expect(state.includes(Buffer.from(phrase))).toBe(false);
  });
});

describe('subject access and replies', () => {
  it('lists a person’s named replies, including one on a note deleted since, and never anonymous ones', async () => {
    const { collectSubjectAccess } = await import('../report/subjectAccess.ts');
    const { doc, said } = board();
    const other = createNote(doc, { lane: 'design', text: 'Idea', author: 'Bo', authorRole: 'lay' });
    addReply(doc, { noteId: said, text: 'On a kept note', author: 'Ann', authorRole: 'lay', anonymous: false, createdAt: 1 });
    addReply(doc, { noteId: other, text: 'On a deleted note', author: 'Ann', authorRole: 'lay', anonymous: false, createdAt: 2 });
    addReply(doc, { noteId: said, text: 'Anonymous', author: 'Ann', authorRole: 'lay', anonymous: true, createdAt: 3 });
    deleteNote(doc, other);
    const record = collectSubjectAccess(doc, { author: 'Ann' });
    expect(record.replies.map((reply) => reply.text)).toEqual(['On a kept note', 'On a deleted note']);
  });
});
