import { scanUpdate } from './scanUpdate.ts';
import type { UpdateDependencies } from './updateDependencies.ts';

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
 * Reads the whole update (scanUpdate: Yjs's grammar, without building its structs), so bytes
 * that are not a Yjs update are refused before they reach storage, and what it builds on.
 * Throws on malformed input.
 */
export function inspectUpdate(update: Uint8Array): UpdateSummary {
  const { empty, dependencies } = scanUpdate(update);
  // Skip structs only mark gaps in merged updates; they carry no data, so no clock of their own.
  return { empty, clocks: dependencies.ends, dependencies };
}
