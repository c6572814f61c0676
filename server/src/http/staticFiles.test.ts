import { describe, expect, it } from 'vitest';
import { acceptedEncodings } from './staticFiles.ts';

describe('acceptedEncodings', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['identity', []],
    ['gzip', ['gzip']],
    ['br', ['br']],
    ['gzip, deflate, br, zstd', ['br', 'gzip']],
    ['BR;Q=1, GZIP', ['br', 'gzip']],
    ['br;q=0, gzip;q=0.5', ['gzip']],
    ['*', ['br', 'gzip']],
    ['*, gzip;q=0', ['br']],
    ['br;q=nonsense', []],
    [
      ['gzip', 'br'],
      ['br', 'gzip'],
    ],
  ] as const)('%j accepts %j', (header, expected) => {
    expect([...acceptedEncodings(header as string | string[] | undefined)]).toEqual(expected);
  });
});
