import * as Y from 'yjs';

type Struct = ReturnType<typeof Y.decodeUpdate>['structs'][number];

/**
 * The names of the doc's top-level types that applying `update` to `doc` would change (insert
 * into, or delete from, anywhere below them), or null when that cannot be told without applying
 * it: something it builds on is missing or was garbage-collected, or it is malformed. Read from
 * the update and the doc as they are, changing neither. For guards that must judge an update
 * before it is applied only when it reaches what they protect.
 */
export function updateRoots(doc: Y.Doc, update: Uint8Array): Set<string> | null {
  // A large update (a paste, an import) is judged by applying it, as before: this reading would
  // cost about as much as the apply it saves the others from waiting for.
  if (update.byteLength > MAX_READ_BYTES) return null;
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return null;
  }
  const own = new OwnStructs(decoded.structs);
  const roots = new Set<string>();
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const root = own.rootOf(struct, doc, 0);
    if (root === null) return null;
    roots.add(root);
  }
  for (const [client, deletions] of decoded.ds.clients) {
    for (const { clock, len } of deletions) {
      for (let at = clock; at < clock + len; ) {
        const struct = own.find(client, at) ?? docStruct(doc, client, at);
        if (struct === null) return null;
        // Deleting garbage-collected content changes nothing.
        if (struct instanceof Y.Item) {
          const root = own.includes(struct) ? own.rootOf(struct, doc, 0) : rootOfType(struct.parent);
          if (root === null) return null;
          roots.add(root);
        }
        at = struct.id.clock + struct.length;
      }
    }
  }
  return roots;
}

/** An update nests at most this deep before it is judged by applying it. */
const MAX_DEPTH = 64;
/** Updates larger than this are not read beforehand (see updateRoots). */
const MAX_READ_BYTES = 16 * 1024;

/** The update's own structs, by client in clock order, to resolve references between them. */
class OwnStructs {
  private readonly byClient = new Map<number, Struct[]>();
  private readonly all: Set<Struct>;

  constructor(structs: readonly Struct[]) {
    this.all = new Set(structs);
    for (const struct of structs) {
      const list = this.byClient.get(struct.id.client);
      if (list) list.push(struct);
      else this.byClient.set(struct.id.client, [struct]);
    }
  }

  includes(struct: Struct): boolean {
    return this.all.has(struct);
  }

  /** A decoded update lists each client's structs in clock order: a binary search finds one. */
  find(client: number, clock: number): Struct | null {
    const structs = this.byClient.get(client);
    if (!structs) return null;
    let low = 0;
    let high = structs.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const struct = structs[middle] as Struct;
      if (clock < struct.id.clock) high = middle - 1;
      else if (clock >= struct.id.clock + struct.length) low = middle + 1;
      else return struct;
    }
    return null;
  }

  /** Where one of the update's items goes: its parent if it says so, else its neighbour's. */
  rootOf(item: Y.Item, doc: Y.Doc, depth: number): string | null {
    if (depth > MAX_DEPTH) return null;
    const parent: unknown = item.parent;
    if (typeof parent === 'string') return parent;
    const anchor = parent instanceof Y.ID ? parent : (item.origin ?? item.rightOrigin);
    if (anchor === null) return null;
    const own = this.find(anchor.client, anchor.clock);
    if (own !== null) {
      if (!(own instanceof Y.Item)) return null;
      // An item inside a type this update creates, or beside an item it adds.
      return this.rootOf(own, doc, depth + 1);
    }
    const existing = docStruct(doc, anchor.client, anchor.clock);
    if (!(existing instanceof Y.Item)) return null;
    if (parent instanceof Y.ID) {
      const content = existing.content;
      return content instanceof Y.ContentType ? rootOfType(content.type) : null;
    }
    return rootOfType(existing.parent);
  }
}

/** The struct of `doc` holding clock `clock` of `client`, or null when the doc has not got it. */
function docStruct(doc: Y.Doc, client: number, clock: number): Y.Item | Y.GC | null {
  if (Y.getState(doc.store, client) <= clock) return null;
  const structs = doc.store.clients.get(client);
  if (!structs) return null;
  return (structs[Y.findIndexSS(structs, clock)] as Y.Item | Y.GC | undefined) ?? null;
}

/** The name of the top-level type that `type` is, or lies below; null for a type in no doc. */
export function rootOfType(type: unknown): string | null {
  let current = type;
  for (let depth = 0; current instanceof Y.AbstractType; depth++) {
    const item: Y.Item | null = current._item;
    if (item === null) return rootName(current);
    if (depth > MAX_DEPTH) return null;
    current = item.parent;
  }
  return null;
}

/** A top-level type's name in its doc; null for a type in no doc. */
function rootName(type: Y.AbstractType<unknown>): string | null {
  try {
    return Y.findRootTypeKey(type);
  } catch {
    return null;
  }
}
