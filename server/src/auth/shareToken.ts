import { createHmac, timingSafeEqual } from 'node:crypto';
import { ACCESS_LEVELS, type Access } from '@costudio/shared';

/** The signed content of a share link's token. Short keys keep links short enough for QR codes. */
export interface ShareClaims {
  /** Board id. */
  readonly board: string;
  readonly access: Access;
  /** Id of the link record, so one link can be revoked without touching others. */
  readonly linkId: string;
  /** Expiry in ms since the epoch; undefined = no expiry. */
  readonly expiresAt?: number;
}

export type TokenCheck =
  | { readonly ok: true; readonly claims: ShareClaims }
  | { readonly ok: false; readonly problem: 'malformed' | 'bad-signature' | 'expired' };

const TOKEN_VERSION = 1;

/** Signs claims into `payload.signature`, both base64url: safe in URLs, fragments and QR codes. */
export function signShareToken(claims: ShareClaims, secret: Uint8Array): string {
  const body: Record<string, unknown> = { v: TOKEN_VERSION, b: claims.board, a: claims.access, l: claims.linkId };
  if (claims.expiresAt !== undefined) body.e = claims.expiresAt;
  const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/**
 * Checks signature and expiry. It does not know about revocation: the caller looks the link
 * id up in its link store, because a revoked link must stop working at once.
 */
export function verifyShareToken(token: string, secret: Uint8Array, now: number = Date.now()): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 2 || token.length > 1024) return { ok: false, problem: 'malformed' };
  const [payload, signature] = parts as [string, string];
  const expected = Buffer.from(sign(payload, secret), 'base64url');
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: 'bad-signature' };
  const claims = parseClaims(payload);
  if (!claims) return { ok: false, problem: 'malformed' };
  if (claims.expiresAt !== undefined && claims.expiresAt <= now) return { ok: false, problem: 'expired' };
  return { ok: true, claims };
}

function sign(payload: string, secret: Uint8Array): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

function parseClaims(payload: string): ShareClaims | null {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null) return null;
  const { v, b, a, l, e } = body as Record<string, unknown>;
  if (v !== TOKEN_VERSION || typeof b !== 'string' || typeof l !== 'string') return null;
  if (!ACCESS_LEVELS.includes(a as Access)) return null;
  if (e !== undefined && (typeof e !== 'number' || !Number.isFinite(e))) return null;
  return { board: b, access: a as Access, linkId: l, ...(e === undefined ? {} : { expiresAt: e }) };
}
