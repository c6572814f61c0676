import { readMeta, readNotes } from '@costudio/shared';
import * as Y from 'yjs';

/** What a person sees of a board: its title and notes (sorted by id), as plain data. */
export function boardView(doc: Y.Doc) {
  const notes = readNotes(doc)
    .map(({ id, lane, text, x, y, color, author }) => ({ id, lane, text, x, y, color, author }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { title: readMeta(doc).title, notes };
}

/**
 * Yjs client ids (with clocks) that `have` is missing relative to `want`: empty when `have`
 * contains every change `want` contains.
 */
export function missingChanges(want: StateLike, have: StateLike): Array<{ client: number; want: number; have: number }> {
  const wanted = stateVectorOf(want);
  const had = stateVectorOf(have);
  const missing: Array<{ client: number; want: number; have: number }> = [];
  for (const [client, clock] of wanted) {
    const present = had.get(client) ?? 0;
    if (present < clock) missing.push({ client, want: clock, have: present });
  }
  return missing;
}

/** A doc, an encoded state vector, or a decoded one (client id → clock). */
export type StateLike = Y.Doc | Uint8Array | ReadonlyMap<number, number>;

function stateVectorOf(state: StateLike): ReadonlyMap<number, number> {
  if (state instanceof Y.Doc) return Y.decodeStateVector(Y.encodeStateVector(state));
  if (state instanceof Uint8Array) return Y.decodeStateVector(state);
  return state;
}
