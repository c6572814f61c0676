import { describe, expect, it } from 'vitest';
import { OPENED_RECORD_INTERVAL_MS, OpenedBoards } from './OpenedBoards.ts';

describe('OpenedBoards', () => {
  it('records a board’s first opening, then at most once an interval, each board on its own', () => {
    const opened = new OpenedBoards();
    expect(opened.shouldRecord('a', 0)).toBe(true);
    expect(opened.shouldRecord('a', 10)).toBe(false);
    expect(opened.shouldRecord('b', 10)).toBe(true);
    expect(opened.shouldRecord('a', OPENED_RECORD_INTERVAL_MS - 1)).toBe(false);
    expect(opened.shouldRecord('a', OPENED_RECORD_INTERVAL_MS)).toBe(true);
  });

  it('tries again at the next opening when the write failed', () => {
    const opened = new OpenedBoards();
    expect(opened.shouldRecord('a', 0)).toBe(true);
    opened.forget('a');
    expect(opened.shouldRecord('a', 1)).toBe(true);
  });

  it('forgets boards recorded long ago once it remembers many, and still answers right for them', () => {
    const opened = new OpenedBoards(100);
    for (let i = 0; i < 1_000; i++) opened.shouldRecord(`old-${i}`, 0);
    expect(opened.shouldRecord('new', 200)).toBe(true);
    expect(opened.shouldRecord('old-1', 200)).toBe(true);
    expect(opened.shouldRecord('new', 250)).toBe(false);
  });
});
