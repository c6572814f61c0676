import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LAST_SEEN_RESOLUTION_MS, readParticipant, readParticipants } from '../schema/participant.ts';
import { joinBoard, setParticipantRole, touchParticipant } from './participantOps.ts';

describe('participant ops', () => {
  it('records a first join, then refreshes it without duplicating', () => {
    const doc = new Y.Doc();
    joinBoard(doc, { participantId: 'dev-1', role: 'lay', now: 1000 });
    joinBoard(doc, { participantId: 'dev-1', role: 'lay', now: 1000 + LAST_SEEN_RESOLUTION_MS });
    expect(readParticipants(doc)).toEqual([
      { id: 'dev-1', role: 'lay', joinedAt: 1000, lastSeenAt: 1000 + LAST_SEEN_RESOLUTION_MS, roleChangedAt: 0 },
    ]);
  });

  it('records a role change and when it happened', () => {
    const doc = new Y.Doc();
    joinBoard(doc, { participantId: 'dev-1', role: 'lay', now: 1000 });
    expect(setParticipantRole(doc, 'dev-1', 'practitioner', 2000)).toBe(true);
    expect(readParticipants(doc)[0]).toMatchObject({ role: 'practitioner', roleChangedAt: 2000, joinedAt: 1000 });
    joinBoard(doc, { participantId: 'dev-1', role: 'lay', now: 3000 });
    expect(readParticipants(doc)[0]).toMatchObject({ role: 'lay', roleChangedAt: 3000 });
    expect(setParticipantRole(doc, 'nobody', 'lay')).toBe(false);
  });

  it('writes on every join, even within the resolution window, so the relay can bind a reconnected socket', () => {
    const doc = new Y.Doc();
    joinBoard(doc, { participantId: 'dev-1', role: 'lay', now: 0 });
    let updates = 0;
    doc.on('update', () => updates++);
    joinBoard(doc, { participantId: 'dev-1', role: 'lay', now: 10 });
    expect(updates).toBe(1);
    expect(readParticipants(doc)[0]?.lastSeenAt).toBe(10);
  });

  it('touch writes lastSeenAt at most once per resolution window', () => {
    const doc = new Y.Doc();
    joinBoard(doc, { participantId: 'dev-1', role: 'lay', now: 0 });
    const writes = [10, 30_000, LAST_SEEN_RESOLUTION_MS, LAST_SEEN_RESOLUTION_MS + 5].map((now) =>
      touchParticipant(doc, 'dev-1', now),
    );
    expect(writes).toEqual([false, false, true, false]);
  });

  it('stores no display name', () => {
    const doc = new Y.Doc();
    joinBoard(doc, { participantId: 'dev-1', role: 'practitioner', now: 0 });
    const entry = doc.getMap<Y.Map<unknown>>('participants').get('dev-1');
    expect([...(entry?.keys() ?? [])].sort()).toEqual(['joinedAt', 'lastSeenAt', 'role', 'roleChangedAt']);
  });

  it('refuses malformed ids', () => {
    expect(() => joinBoard(new Y.Doc(), { participantId: 'bad id!', role: 'lay' })).toThrow(RangeError);
  });

  it.each([
    { name: 'not a map', value: 'lay', ok: false },
    { name: 'unknown role', value: new Map([['role', 'admin']]), ok: false },
    {
      name: 'bad times are repaired',
      value: new Map<string, unknown>([
        ['role', 'lay'],
        ['joinedAt', -5],
        ['lastSeenAt', 'x'],
      ]),
      ok: true,
    },
  ])('reader: $name', ({ value, ok }) => {
    const doc = new Y.Doc();
    const entry = value instanceof Map ? new Y.Map<unknown>([...value]) : value;
    doc.getMap('participants').set('p', entry);
    const read = readParticipant('p', doc.getMap('participants').get('p'));
    expect(read !== null).toBe(ok);
    if (read) expect(read).toEqual({ id: 'p', role: 'lay', joinedAt: 0, lastSeenAt: 0, roleChangedAt: 0 });
  });
});
