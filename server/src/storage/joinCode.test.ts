import { describe, expect, it } from 'vitest';
import { generateJoinCode, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normalizeJoinCode } from './joinCode.ts';

describe('join codes', () => {
  it('are made of the unambiguous alphabet only, and differ', () => {
    const codes = new Set(Array.from({ length: 200 }, generateJoinCode));
    expect(codes.size).toBe(200);
    for (const code of codes) {
      expect(code).toHaveLength(JOIN_CODE_LENGTH);
      expect([...code].every((char) => JOIN_CODE_ALPHABET.includes(char))).toBe(true);
    }
  });

  it.each([
    ['abcd efgh', 'ABCDEFGH'],
    ['ABCD-EFGH', 'ABCDEFGH'],
    ['23456789', '23456789'],
    ['ABCDEFG0', null],
    ['ABCDEFGI', null],
    ['ABC', null],
    ['ABCDEFGHJ', null],
    ['', null],
  ])('%s → %s', (typed, expected) => {
    expect(normalizeJoinCode(typed)).toBe(expected);
  });
});
