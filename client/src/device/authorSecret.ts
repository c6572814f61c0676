import { AUTHOR_SECRET_PATTERN, isValidBoardId } from '@costudio/shared';
import { readStored, writeStored } from './deviceStorage.ts';

const KEY = 'costudio.authorSecrets';
const MAX_BOARDS = 200;

/**
 * This device's author secret on a board (shared/src/schema/noteAuthorship.ts): random, made
 * once and kept, never shown. Notes written here carry a hash of it, which lets this person
 * erase them later (docs/privacy.md). Without storage it lasts for this page only.
 */
export function authorSecretFor(boardId: string): string {
  const stored = readSecrets();
  const existing = stored[boardId];
  if (existing) return existing;
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  const secret = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  if (isValidBoardId(boardId)) {
    const kept = Object.entries(stored).slice(-(MAX_BOARDS - 1));
    writeStored(KEY, Object.fromEntries([...kept, [boardId, secret]]));
  }
  return secret;
}

function readSecrets(): Record<string, string> {
  const stored = readStored(KEY);
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  const secrets: Record<string, string> = {};
  for (const [boardId, secret] of Object.entries(stored as Record<string, unknown>)) {
    if (typeof secret === 'string' && AUTHOR_SECRET_PATTERN.test(secret)) secrets[boardId] = secret;
  }
  return secrets;
}
