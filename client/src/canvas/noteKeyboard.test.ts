import type { Note } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import { notesByLane } from '../laneList/notesByLane.ts';
import { noteKeyAction } from './noteKeys.ts';
import { nextNoteFocus } from './noteNavigation.ts';

const note = (id: string, lane: Note['lane'], y: number): Note => ({
  id,
  lane,
  y,
  x: 0,
  text: '',
  color: 'yellow',
  author: 'A',
  authorRole: 'lay',
  anonymous: false,
  createdAt: 0,
  answers: [],
});

const lanes = notesByLane([
  note('d1', 'define', 100),
  note('d2', 'define', 300),
  note('x1', 'decide', 280),
  note('x2', 'decide', 600),
]);

describe('nextNoteFocus', () => {
  it.each([
    [null, 'next', 'd1'],
    [null, 'previous', 'x2'],
    ['d1', 'next', 'd2'],
    ['d2', 'next', 'x1'],
    ['x2', 'next', null],
    ['d1', 'previous', null],
    ['d1', 'down', 'd2'],
    ['d2', 'down', null],
    ['x2', 'up', 'x1'],
    // Right skips the empty lanes and lands on the nearest note by height.
    ['d2', 'right', 'x1'],
    ['x2', 'left', 'd2'],
    ['x1', 'right', null],
    ['gone', 'next', 'd1'],
  ] as const)('from %s going %s reaches %s', (from, direction, expected) => {
    expect(nextNoteFocus(lanes, from, direction)).toBe(expected);
  });
});

describe('noteKeyAction', () => {
  const plain = { ctrlKey: false, metaKey: false, altKey: false, shiftKey: false };
  it.each([
    ['Tab', false, { type: 'focus', direction: 'next' }],
    ['ArrowDown', true, { type: 'focus', direction: 'down' }],
    ['ArrowDown', false, null],
    ['Enter', true, { type: 'edit' }],
    ['m', true, { type: 'move-menu' }],
    ['Delete', true, { type: 'delete' }],
    ['Escape', true, { type: 'leave' }],
    ['n', true, null],
    ['1', false, { type: 'lane', index: 0 }],
    ['6', true, { type: 'lane', index: 5 }],
    ['7', false, null],
  ] as const)('%s (note focused: %s)', (key, focused, expected) => {
    expect(noteKeyAction({ ...plain, key }, focused)).toEqual(expected);
  });

  it('Shift+Tab goes back, and Ctrl combinations are left alone', () => {
    expect(noteKeyAction({ ...plain, key: 'Tab', shiftKey: true }, true)).toEqual({ type: 'focus', direction: 'previous' });
    expect(noteKeyAction({ ...plain, key: 'Delete', ctrlKey: true }, true)).toBeNull();
  });
});
