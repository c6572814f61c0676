import { applyTextEdit, getMetaMap, getNotesMap, getRepliesMap, getVotesMap } from '@costudio/shared';
import * as Y from 'yjs';

/** Transaction origin of a restore, so logs and observers can tell it from people's edits. */
export const RESTORE_ORIGIN = 'costudio:restore';

/**
 * What a restore brings back: the board's title, notes (with their links), replies and votes. `participants` and `activity`
 * record who took part and how much; they are not content, and `activity` counters only grow.
 * `meta.schemaVersion` is never lowered.
 */
const RESTORED_MAPS: readonly { readonly get: (doc: Y.Doc) => Y.Map<unknown>; readonly keep?: ReadonlySet<string> }[] = [
  { get: getMetaMap, keep: new Set(['schemaVersion']) },
  { get: getNotesMap as (doc: Y.Doc) => Y.Map<unknown> },
  { get: getVotesMap as (doc: Y.Doc) => Y.Map<unknown> },
  // A note brought back comes with its thread; deleteNote took the replies with it.
  { get: getRepliesMap as (doc: Y.Doc) => Y.Map<unknown> },
];

/**
 * The one Yjs update that turns `current` into `version`'s content, as a new change on top of
 * `current` (nothing is rolled back: history keeps growing, and everyone receives the restore
 * like any other edit). Only what differs is written — an unchanged note is not touched, and a
 * note whose text changed gets the smallest text edit — so someone typing elsewhere on the
 * board keeps their work. Returns null when the board already equals the version.
 */
export function restoreUpdate(current: Y.Doc, version: Y.Doc): Uint8Array | null {
  const work = new Y.Doc();
  Y.applyUpdateV2(work, Y.encodeStateAsUpdateV2(current));
  const updates: Uint8Array[] = [];
  work.on('update', (update: Uint8Array) => updates.push(update));
  work.transact(() => {
    for (const map of RESTORED_MAPS) reconcileMap(map.get(work), map.get(version), map.keep);
  }, RESTORE_ORIGIN);
  work.destroy();
  if (updates.length === 0) return null;
  return updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
}

/** Makes `target` hold what `source` holds, writing only the differences. */
function reconcileMap(target: Y.Map<unknown>, source: Y.Map<unknown>, keep: ReadonlySet<string> = new Set()): void {
  for (const key of [...target.keys()]) if (!keep.has(key) && !source.has(key)) target.delete(key);
  source.forEach((wanted, key) => {
    if (keep.has(key)) return;
    const existing = target.get(key);
    if (wanted instanceof Y.Text) {
      if (existing instanceof Y.Text) applyTextEdit(existing, wanted.toString(), RESTORE_ORIGIN);
      else target.set(key, wanted.clone());
    } else if (wanted instanceof Y.Map) {
      if (existing instanceof Y.Map) reconcileMap(existing, wanted);
      else target.set(key, wanted.clone());
    } else if (wanted instanceof Y.AbstractType) {
      if (!(existing instanceof Y.AbstractType) || !sameJson(existing.toJSON(), wanted.toJSON())) target.set(key, wanted.clone());
    } else if (existing instanceof Y.AbstractType || !sameJson(existing, wanted)) {
      target.set(key, wanted);
    }
  });
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
