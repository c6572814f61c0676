import type * as Y from 'yjs';
import { getMetaMap } from '../schema/boardDoc.ts';
import { UNTITLED } from '../schema/meta.ts';
import { v1CreateMeta } from './v1CreateMeta.ts';
import { v2TextToYText } from './v2TextToYText.ts';
import { v3NoteAnswers } from './v3NoteAnswers.ts';

/**
 * One step of the board's document layout. `up` must be idempotent (running it twice equals
 * running it once) because two servers may load the same board at the same time.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly up: (doc: Y.Doc, context: MigrationContext) => void;
}

/** Values a step may need to fill in for a board that lacks them. */
export interface MigrationContext {
  /** Title for a board that has none. */
  readonly title: string;
  /** The time to record for a board created now. */
  readonly now: number;
}

/** Ordered by version; each step brings a board from `version - 1` to `version`. */
export const MIGRATIONS: readonly Migration[] = [v1CreateMeta, v2TextToYText, v3NoteAnswers];

/** The schema version this build writes. A client meeting a newer one goes read-only. */
export const CURRENT_SCHEMA_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

export const MIGRATION_ORIGIN = 'costudio:migration';

export interface MigrationResult {
  readonly from: number;
  readonly to: number;
  readonly applied: readonly number[];
}

/**
 * Brings a loaded board up to CURRENT_SCHEMA_VERSION in one transaction. Boards written by a
 * newer Costudio are left untouched (we never downgrade data we do not understand).
 */
export function migrateBoard(doc: Y.Doc, defaults: Partial<MigrationContext> = {}): MigrationResult {
  const context: MigrationContext = { title: defaults.title ?? UNTITLED, now: defaults.now ?? Date.now() };
  const meta = getMetaMap(doc);
  const stored = meta.get('schemaVersion');
  const from = Number.isInteger(stored) ? (stored as number) : 0;
  const applied: number[] = [];
  if (from >= CURRENT_SCHEMA_VERSION) return { from, to: from, applied };
  doc.transact(() => {
    for (const migration of MIGRATIONS) {
      if (migration.version <= from) continue;
      migration.up(doc, context);
      applied.push(migration.version);
    }
    meta.set('schemaVersion', CURRENT_SCHEMA_VERSION);
  }, MIGRATION_ORIGIN);
  return { from, to: CURRENT_SCHEMA_VERSION, applied };
}
