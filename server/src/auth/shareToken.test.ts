import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signShareToken, verifyShareToken } from './shareToken.ts';

const secret = randomBytes(32);
const claims = { board: 'board-1', access: 'edit' as const, linkId: 'link-1' };

describe('share tokens', () => {
  it('round-trips the claims of a genuine token', () => {
    const check = verifyShareToken(signShareToken(claims, secret), secret);
    expect(check).toEqual({ ok: true, claims });
  });

  it('refuses a token signed with another secret (forged)', () => {
    const forged = signShareToken(claims, randomBytes(32));
    expect(verifyShareToken(forged, secret)).toEqual({ ok: false, problem: 'bad-signature' });
  });

  it('refuses a token whose payload was altered to raise its rights', () => {
    const [, signature] = signShareToken({ ...claims, access: 'view' }, secret).split('.');
    const raised = Buffer.from(JSON.stringify({ v: 1, b: 'board-1', a: 'facilitate', l: 'link-1' })).toString('base64url');
    expect(verifyShareToken(`${raised}.${signature}`, secret)).toEqual({ ok: false, problem: 'bad-signature' });
  });

  it('refuses an expired token and accepts it before expiry', () => {
    const token = signShareToken({ ...claims, expiresAt: 1_000 }, secret);
    expect(verifyShareToken(token, secret, 999).ok).toBe(true);
    expect(verifyShareToken(token, secret, 1_000)).toEqual({ ok: false, problem: 'expired' });
  });

  it.each(['', 'abc', 'a.b.c', '.', `${'x'.repeat(2000)}.y`])('calls %j malformed or badly signed, never throws', (token) => {
    const check = verifyShareToken(token, secret);
    expect(check.ok).toBe(false);
  });
});
