import * as Y from 'yjs';

/** What the relay needs to know about a client's update before committing it. */
export interface UpdateSummary {
  /** No structs and no deletions: nothing to store or relay (clients send these on every sync). */
  readonly empty: boolean;
  /** For each Yjs client id in the update, the clock just past its last struct. */
  readonly clocks: ReadonlyMap<number, number>;
}

const NO_CLOCKS: ReadonlyMap<number, number> = new Map();

/**
 * Fully decodes an update, so bytes that are not a Yjs update are refused before they reach
 * storage. Throws on malformed input.
 */
export function inspectUpdate(update: Uint8Array): UpdateSummary {
  const { structs, ds } = Y.decodeUpdate(update);
  if (structs.length === 0) return { empty: ds.clients.size === 0, clocks: NO_CLOCKS };
  const clocks = new Map<number, number>();
  for (const struct of structs) {
    // Skip structs only mark gaps in merged updates; they carry no data of that client.
    if (struct instanceof Y.Skip) continue;
    const end = struct.id.clock + struct.length;
    const client = struct.id.client;
    if (end > (clocks.get(client) ?? 0)) clocks.set(client, end);
  }
  return { empty: false, clocks };
}
