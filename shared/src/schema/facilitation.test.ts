import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FACILITATION_MAP, PROJECTOR_KEY, readProjectorSettings } from './facilitation.ts';

describe('readProjectorSettings', () => {
  it.each([
    ['nothing set', undefined, { view: 'board', join: 'auto' }],
    ['both set', { view: 'follow', join: 'small' }, { view: 'follow', join: 'small' }],
    ['unknown values', { view: 'zoom', join: 7 }, { view: 'board', join: 'auto' }],
    ['not an object', 'large', { view: 'board', join: 'auto' }],
  ])('%s', (_name, stored, expected) => {
    const map = new Y.Doc().getMap<unknown>(FACILITATION_MAP);
    if (stored !== undefined) map.set(PROJECTOR_KEY, stored);
    expect(readProjectorSettings(map)).toEqual(expected);
  });
});
