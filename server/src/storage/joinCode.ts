import { randomInt } from 'node:crypto';

/**
 * Short codes people type from a projector or read aloud: no 0/O, 1/I/L, so nothing is
 * mistaken for something else. 31⁸ ≈ 8.5 × 10¹¹ codes.
 */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 8;

const TYPED = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** A fresh code from crypto randomness (randomInt has no modulo bias). */
export function generateJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/**
 * The code as stored, from what someone typed: any case, with spaces or dashes between groups
 * ("abcd efgh", "ABCD-EFGH"). Null when it cannot be a code at all.
 */
export function normalizeJoinCode(typed: string): string | null {
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  return TYPED.test(code) ? code : null;
}
