import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SECRET_FILE = 'secret.key';
const MIN_SECRET_BYTES = 32;

/**
 * The key that signs share links. Taken from `configured` (env COSTUDIO_SECRET, at least 32
 * bytes as hex or base64) when given — needed when several servers must accept the same links —
 * otherwise read from DATA_DIR/secret.key, created on first start readable by the owner only.
 * Losing the file switches off every link ever made, so it belongs in backups.
 */
export function loadServerSecret(dataDir: string, configured?: string): Buffer {
  if (configured !== undefined && configured !== '') {
    const decoded = /^[0-9a-fA-F]+$/.test(configured) ? Buffer.from(configured, 'hex') : Buffer.from(configured, 'base64');
    if (decoded.length < MIN_SECRET_BYTES) {
      throw new Error(`COSTUDIO_SECRET must hold at least ${MIN_SECRET_BYTES} bytes (64 hex characters)`);
    }
    return decoded;
  }
  const path = join(dataDir, SECRET_FILE);
  try {
    const stored = readFileSync(path);
    if (stored.length >= MIN_SECRET_BYTES) return stored;
    throw new Error(`${path} is shorter than ${MIN_SECRET_BYTES} bytes; restore it from backup or remove it to make a new one`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(MIN_SECRET_BYTES);
  // 'wx' fails if another process created the file in the meantime; then we read theirs.
  try {
    writeFileSync(path, secret, { flag: 'wx', mode: 0o600 });
    chmodSync(path, 0o600);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(path);
    throw error;
  }
}

/**
 * The signing key for a server: with no data directory (a custom store in a test) and no
 * configured key, a one-off key, so links live only as long as the process.
 */
export function linkSecret(dataDir: string | null, configured?: string): Buffer {
  if (dataDir === null && !configured) return randomBytes(MIN_SECRET_BYTES);
  return loadServerSecret(dataDir ?? '.', configured);
}
