import { describe, expect, it } from 'vitest';
import { undoShortcut } from './undoShortcut.ts';

const keys = { ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };

describe('undoShortcut', () => {
  it.each([
    [{ ...keys, key: 'z', ctrlKey: true }, 'undo'],
    [{ ...keys, key: 'z', metaKey: true }, 'undo'],
    [{ ...keys, key: 'Z', ctrlKey: true, shiftKey: true }, 'redo'],
    [{ ...keys, key: 'y', ctrlKey: true }, 'redo'],
    [{ ...keys, key: 'z' }, null],
    [{ ...keys, key: 'z', ctrlKey: true, altKey: true }, null],
  ])('%o -> %s', (event, action) => {
    expect(undoShortcut(event)).toBe(action);
  });
});
