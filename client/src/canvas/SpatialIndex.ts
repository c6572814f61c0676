import { NOTE_HEIGHT, NOTE_WIDTH, type Note } from '@costudio/shared';
import type { Rect } from './camera.ts';

/**
 * Notes sorted by their top edge, so the notes in a view are found by two binary searches and
 * a scan of one horizontal band instead of a walk over the whole board. Lanes are columns, so
 * a band holds at most a few notes per lane.
 */
export class SpatialIndex {
  private readonly sorted: Note[];

  constructor(notes: Iterable<Note>) {
    this.sorted = [...notes].sort((a, b) => a.y - b.y);
  }

  /** Ids of notes whose rectangle intersects `rect`. */
  query(rect: Rect): string[] {
    const ids: string[] = [];
    const start = this.firstAtOrBelow(rect.y - NOTE_HEIGHT);
    const bottom = rect.y + rect.height;
    const right = rect.x + rect.width;
    for (let index = start; index < this.sorted.length; index++) {
      const note = this.sorted[index] as Note;
      if (note.y >= bottom) break;
      if (note.y + NOTE_HEIGHT > rect.y && note.x < right && note.x + NOTE_WIDTH > rect.x) ids.push(note.id);
    }
    return ids;
  }

  private firstAtOrBelow(y: number): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.sorted[middle] as Note).y < y) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
