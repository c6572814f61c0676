import type { Note } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import { noteAuthor, noteFieldName } from '../doc/noteLabels.ts';
import { noteIdsByLane, notesByLane } from './notesByLane.ts';

const base: Note = {
  id: 'a',
  lane: 'define',
  text: '',
  x: 0,
  y: 0,
  color: 'yellow',
  author: 'Sam',
  authorRole: 'lay',
  anonymous: false,
  createdAt: 0,
  answers: [],
};

describe('note labels', () => {
  it('name the author and role, or only the role when anonymous', () => {
    expect(noteAuthor(base)).toBe('Sam (Lay participant)');
    expect(noteFieldName(base)).toBe('Note by Sam (Lay participant)');
    expect(noteAuthor({ ...base, anonymous: true, author: '', authorRole: 'practitioner' })).toBe('A practitioner');
    expect(noteFieldName({ ...base, anonymous: true, author: '' })).toBe('Note by a lay participant');
  });
});

describe('notesByLane', () => {
  it('groups notes by lane in reading order, with every lane present', () => {
    const lanes = notesByLane([
      { ...base, id: 'low', y: 300 },
      { ...base, id: 'high', y: 100 },
      { ...base, id: 'other', lane: 'decide' },
    ]);
    expect(lanes.get('define')?.map((note) => note.id)).toEqual(['high', 'low']);
    expect(lanes.get('decide')?.map((note) => note.id)).toEqual(['other']);
    expect(lanes.get('evaluate')).toEqual([]);
    expect(lanes.size).toBe(6);
  });
});

describe('noteIdsByLane', () => {
  it('keeps the same array for a lane whose notes did not change, so that lane is not re-rendered', () => {
    const notes = [
      { ...base, id: 'a', y: 100 },
      { ...base, id: 'b', y: 200 },
      { ...base, id: 'c', lane: 'decide' as const },
    ];
    const before = noteIdsByLane(notes);
    expect(before.get('define')).toEqual(['a', 'b']);
    const after = noteIdsByLane([...notes, { ...base, id: 'd', lane: 'decide' }], before);
    expect(after.get('define')).toBe(before.get('define'));
    expect(after.get('evaluate')).toBe(before.get('evaluate'));
    expect(after.get('decide')).toEqual(['c', 'd']);
  });
});
