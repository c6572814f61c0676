import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where a phrase's UTF-8 bytes (how Yjs stores text) occur in the raw bytes of every file under
 * `dir`: the check that a deletion or erasure left nothing behind in the database, its WAL or
 * free pages. Returns `file: count` for each file that holds it; empty when none does.
 */
export function phraseInFiles(dir: string, phrase: string): string[] {
  const needle = Buffer.from(phrase, 'utf8');
  const hits: string[] = [];
  const visit = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const child = join(path, entry.name);
      if (entry.isDirectory()) {
        visit(child);
        continue;
      }
      const bytes = readFileSync(child);
      let count = 0;
      for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) count++;
      if (count > 0) hits.push(`${child}: ${count}`);
    }
  };
  visit(dir);
  return hits;
}
