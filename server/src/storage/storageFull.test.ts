import { describe, expect, it } from 'vitest';
import { isStorageFull } from './storageFull.ts';

describe('isStorageFull', () => {
  it.each([
    [Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }), true],
    [Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }), true],
    [Object.assign(new Error('could not extend file'), { code: '53100' }), true],
    [Object.assign(new Error('constraint failed'), { code: 'SQLITE_CONSTRAINT' }), false],
    [new Error('disk full'), false],
    ['SQLITE_FULL', false],
    [null, false],
  ])('%s → %s', (error, full) => {
    expect(isStorageFull(error)).toBe(full);
  });
});
