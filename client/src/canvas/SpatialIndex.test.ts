import { NOTE_HEIGHT, NOTE_WIDTH, type Note } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import type { Rect } from './camera.ts';
import { SpatialIndex } from './SpatialIndex.ts';

function note(id: string, x: number, y: number): Note {
  return {
    id,
    x,
    y,
    lane: 'define',
    text: '',
    color: 'yellow',
    author: '',
    authorRole: 'lay',
    anonymous: false,
    createdAt: 0,
    answers: [],
  };
}

describe('SpatialIndex', () => {
  it('finds exactly the notes a brute-force scan finds, for random boards and views', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const notes = Array.from({ length: 2000 }, (_, i) => note(`n${i}`, random() * 5000 - 500, random() * 20000 - 500));
    const index = new SpatialIndex(notes);
    for (let trial = 0; trial < 200; trial++) {
      const rect: Rect = { x: random() * 5000 - 600, y: random() * 20000 - 600, width: random() * 2000, height: random() * 3000 };
      const expected = notes
        .filter(
          (n) =>
            n.x < rect.x + rect.width && n.x + NOTE_WIDTH > rect.x && n.y < rect.y + rect.height && n.y + NOTE_HEIGHT > rect.y,
        )
        .map((n) => n.id)
        .sort();
      expect(index.query(rect).sort()).toEqual(expected);
    }
  });
});
