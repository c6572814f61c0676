import { laneLeft, type Note } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import { listFollowTarget } from './listFollowTarget.ts';

const note = (id: string, lane: Note['lane'], y: number): Note =>
  ({ id, lane, x: laneLeft(lane) + 20, y, text: id, color: 'yellow', author: '', authorRole: 'lay' }) as unknown as Note;

describe('listFollowTarget', () => {
  const notes = [note('a', 'define', 120), note('b', 'decide', 120), note('c', 'decide', 600)];

  it('picks the note in view nearest the centre of the view', () => {
    const view = { x: laneLeft('decide') - 100, y: 400, width: 560, height: 500 };
    expect(listFollowTarget(view, notes)).toEqual({ kind: 'note', id: 'c' });
  });

  it('falls back to the lane at the centre when no note is in view', () => {
    const view = { x: laneLeft('deliver'), y: 100, width: 360, height: 600 };
    expect(listFollowTarget(view, notes)).toEqual({ kind: 'lane', lane: 'deliver' });
  });

  it('gives nothing for a view beside the board', () => {
    expect(listFollowTarget({ x: -5000, y: 0, width: 300, height: 300 }, notes)).toBeNull();
  });
});
