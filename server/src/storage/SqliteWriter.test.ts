import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteWriter, SqliteWriterStopped } from './SqliteWriter.ts';

describe('SqliteWriter', () => {
  it('says a batch was never written when its thread could not open the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'costudio-writer-'));
    try {
      const writer = new SqliteWriter(join(dir, 'no', 'such', 'dir', 'costudio.sqlite'), []);
      const refused = await writer.append([{ boardId: 'a', update: new Uint8Array([1]) }]).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(SqliteWriterStopped);
      // So the store may write it on its own connection instead of refusing the senders' edits.
      expect((refused as SqliteWriterStopped).mayHaveCommitted).toBe(false);
      expect(writer.alive).toBe(false);
      await writer.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
