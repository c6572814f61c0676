import { describe, expect, it } from 'vitest';
import { canvasKeyAction } from './canvasKeys.ts';

const plain = { ctrlKey: false, metaKey: false, altKey: false, shiftKey: false };

describe('canvasKeyAction', () => {
  it.each([
    ['ArrowLeft', { type: 'pan', dx: 80, dy: 0 }],
    ['ArrowDown', { type: 'pan', dx: 0, dy: -80 }],
    ['+', { type: 'zoom', factor: 1.25 }],
    ['-', { type: 'zoom', factor: 0.8 }],
    ['0', { type: 'fit' }],
    ['n', { type: 'add-note' }],
    ['x', null],
  ])('%s', (key, action) => {
    expect(canvasKeyAction({ ...plain, key })).toEqual(action);
  });

  it('leaves shortcuts with Ctrl or Cmd to the browser and the undo handler', () => {
    expect(canvasKeyAction({ ...plain, key: '0', ctrlKey: true })).toBeNull();
    expect(canvasKeyAction({ ...plain, key: 'n', metaKey: true })).toBeNull();
  });
});
