import type { Note } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import { changesSince, recordOf } from './visitRecord.ts';

const note = (id: string, extra: Partial<Note> = {}): Note => ({
  id,
  lane: 'define',
  text: 'text',
  x: 80,
  y: 96,
  color: 'yellow',
  author: 'A',
  authorRole: 'lay',
  anonymous: false,
  createdAt: 1,
  answers: [],
  ...extra,
});

describe('changesSince', () => {
  it('marks exactly the notes added, rewritten, moved or recoloured, and counts removed ones', () => {
    const before = recordOf([note('same'), note('text'), note('moved'), note('colour'), note('gone')]);
    const now = [
      note('same'),
      note('text', { text: 'new' }),
      note('moved', { lane: 'decide' }),
      note('colour', { color: 'pink' }),
      note('added'),
    ];
    expect(changesSince(before, now)).toEqual({
      changed: ['text', 'moved', 'colour', 'added'],
      added: ['added'],
      removed: 1,
    });
  });
});
