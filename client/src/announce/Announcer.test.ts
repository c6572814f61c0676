import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Announcer, combineMessages } from './Announcer.ts';

describe('Announcer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('speaks the first message at once and holds later ones for the interval', () => {
    const announcer = new Announcer(1000, () => Date.now());
    announcer.say('One.');
    vi.advanceTimersByTime(0);
    expect(announcer.getSnapshot().text).toBe('One.');
    announcer.say('Two.');
    announcer.say('Three.');
    vi.advanceTimersByTime(999);
    expect(announcer.getSnapshot().text).toBe('One.');
    vi.advanceTimersByTime(1);
    expect(announcer.getSnapshot().text).toBe('Two. Three.');
  });

  it('changes the text of a repeated message so it is heard again', () => {
    const announcer = new Announcer(10, () => Date.now());
    announcer.say('Same.');
    vi.advanceTimersByTime(0);
    announcer.say('Same.');
    vi.advanceTimersByTime(10);
    expect(announcer.getSnapshot().text).not.toBe('Same.');
    expect(announcer.getSnapshot().text.trim()).toBe('Same.');
    expect(announcer.getSnapshot().seq).toBe(2);
  });

  it('sums up many messages', () => {
    expect(combineMessages(['a.', 'b.', 'c.', 'd.'])).toBe('4 changes. The latest: d.');
  });
});
