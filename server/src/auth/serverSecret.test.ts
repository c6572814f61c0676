import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadServerSecret, SECRET_FILE } from './serverSecret.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'costudio-secret-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('server secret', () => {
  it('creates a private secret once and returns the same one after a restart', () => {
    const dir = tempDir();
    const first = loadServerSecret(dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, SECRET_FILE)).mode & 0o077).toBe(0);
    expect(loadServerSecret(dir).equals(first)).toBe(true);
  });

  it('uses a configured hex secret so several servers accept the same links', () => {
    const hex = 'ab'.repeat(32);
    expect(loadServerSecret(tempDir(), hex).equals(Buffer.from(hex, 'hex'))).toBe(true);
  });

  it('refuses a configured secret that is too short to be safe', () => {
    expect(() => loadServerSecret(tempDir(), 'abcd')).toThrow(/at least 32 bytes/);
  });
});
