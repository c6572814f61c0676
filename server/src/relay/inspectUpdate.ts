import * as Y from 'yjs';
import { readDependencies, type UpdateDependencies } from './updateDependencies.ts';

/** What the relay needs to know about a client's update before committing it. */
export interface UpdateSummary {
  /** No structs and no deletions: nothing to store or relay (clients send these on every sync). */
  readonly empty: boolean;
  /** For each Yjs client id in the update, the clock just past its last struct. */
  readonly clocks: ReadonlyMap<number, number>;
  /** What the doc must hold for the update to integrate in full (updateDependencies.ts). */
  readonly dependencies: UpdateDependencies;
}

/**
 * Fully decodes an update, so bytes that are not a Yjs update are refused before they reach
 * storage, and reads from that one decoding what it builds on. Throws on malformed input.
 */
export function inspectUpdate(update: Uint8Array): UpdateSummary {
  const decoded = Y.decodeUpdate(update);
  const dependencies = readDependencies(decoded);
  // Skip structs only mark gaps in merged updates; they carry no data, so no clock of their own.
  return {
    empty: decoded.structs.length === 0 && decoded.ds.clients.size === 0,
    clocks: dependencies.ends,
    dependencies,
  };
}
