import * as Y from 'yjs';

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * What a Yjs update needs a doc to hold before every part of it integrates at once.
 *
 * Yjs does not refuse an update that builds on changes it has not seen: it keeps the parts it
 * cannot place (`store.pendingStructs`, `store.pendingDs`) and integrates them later, when
 * someone else's update brings what they were waiting for. A relay that judges an update by
 * what applying it changes would then let those parts in under the rights of whoever made the
 * later edit (issue 13: a participant's edit of a locked lane, or a vote closed, that waits for
 * the facilitator's next keystroke). So the relay asks, before storing an update, whether it
 * can integrate now in full, and holds it back until it can.
 */
export interface UpdateDependencies {
  /** For each client with structs in the update, the clock its first struct starts at. */
  readonly starts: ReadonlyMap<number, number>;
  /** For each client with structs in the update, the clock just past its last struct. */
  readonly ends: ReadonlyMap<number, number>;
  /**
   * For each client the update refers to (an origin, a parent, a deleted range): the clock the
   * doc, together with the update itself, must have reached.
   */
  readonly needs: ReadonlyMap<number, number>;
  /**
   * Gaps inside the update (a merged update can skip a range of a client's clocks): for each
   * client, the clock the doc alone must already have reached.
   */
  readonly gaps: ReadonlyMap<number, number>;
}

const raise = (map: Map<number, number>, client: number, clock: number) => {
  if (clock > (map.get(client) ?? 0)) map.set(client, clock);
};

/** Reads an update's dependencies from its decoding (one decode serves validation and this). */
export function readDependencies({ structs, ds }: DecodedUpdate): UpdateDependencies {
  const starts = new Map<number, number>();
  const ends = new Map<number, number>();
  const needs = new Map<number, number>();
  const gaps = new Map<number, number>();
  for (const struct of structs) {
    const { client, clock } = struct.id;
    const end = clock + struct.length;
    if (struct instanceof Y.Skip) {
      raise(gaps, client, end);
      continue;
    }
    // Each client's structs come in clock order, so its first is its start.
    if (!starts.has(client)) starts.set(client, clock);
    raise(ends, client, end);
    if (struct instanceof Y.Item) {
      // An ID is what the item points to; `clock + 1` is the state that includes it.
      if (struct.origin) raise(needs, struct.origin.client, struct.origin.clock + 1);
      if (struct.rightOrigin) raise(needs, struct.rightOrigin.client, struct.rightOrigin.clock + 1);
      const parent: unknown = struct.parent;
      if (parent instanceof Y.ID) raise(needs, parent.client, parent.clock + 1);
    }
  }
  for (const [client, deletions] of ds.clients) {
    for (const deletion of deletions) raise(needs, client, deletion.clock + deletion.len);
  }
  return { starts, ends, needs, gaps };
}

/** For each Yjs client id, the clock a doc has reached (as `Y.getState(doc.store, client)`). */
export type KnownClock = (client: number) => number;

/** Whether an update with these dependencies integrates in full at `known`, leaving nothing pending. */
export function canIntegrate(dependencies: UpdateDependencies, known: KnownClock): boolean {
  for (const [client, start] of dependencies.starts) if (start > known(client)) return false;
  for (const [client, clock] of dependencies.gaps) if (clock > known(client)) return false;
  for (const [client, clock] of dependencies.needs) {
    const end = dependencies.ends.get(client) ?? 0;
    if (clock > Math.max(known(client), end)) return false;
  }
  return true;
}

/** What `doc` itself has reached. */
export const knownTo =
  (doc: Y.Doc): KnownClock =>
  (client) =>
    Y.getState(doc.store, client);
