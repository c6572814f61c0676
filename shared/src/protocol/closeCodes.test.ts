import { describe, expect, it } from 'vitest';
import { CloseCode, describeCloseCode, RECONNECTING_CLOSE_CODES } from './closeCodes.ts';

describe('close codes', () => {
  it('every code has a plain-language description', () => {
    for (const code of Object.values(CloseCode)) expect(describeCloseCode(code)).toBeTruthy();
  });

  it('1012 means the facilitator changed the board, and the client comes straight back', () => {
    expect(CloseCode.ACCESS_CHANGED).toBe(1012);
    expect(describeCloseCode(1012)).toBe('The facilitator changed the board, so we are joining it again.');
    expect(RECONNECTING_CLOSE_CODES.has(1012)).toBe(true);
    expect(RECONNECTING_CLOSE_CODES.has(CloseCode.LINK_REVOKED)).toBe(false);
  });
});
