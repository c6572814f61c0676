import * as decoding from 'lib0/decoding';
import type { UpdateDependencies } from './updateDependencies.ts';

// Bits of a struct's info byte (Yjs's UpdateEncoderV1, via lib0/binary).
const BITS5 = 0b11111;
const HAS_PARENT_SUB = 0b100000;
const HAS_RIGHT_ORIGIN = 0b1000000;
const HAS_ORIGIN = 0b10000000;
const SKIP = 10;
// Content refs (Yjs's contentRefs) and type refs (its typeRefs) that read more than the ref.
const CONTENT = { deleted: 1, json: 2, binary: 3, string: 4, embed: 5, format: 6, type: 7, any: 8, doc: 9 } as const;
const XML_ELEMENT = 3;
const XML_HOOK = 5;
const LAST_TYPE_REF = 6;

/** What the relay reads from a client's update before storing it (see inspectUpdate). */
export interface ScannedUpdate {
  /** No structs and no deletions. */
  readonly empty: boolean;
  readonly dependencies: UpdateDependencies;
}

const raise = (map: Map<number, number>, client: number, clock: number) => {
  if (clock > (map.get(client) ?? 0)) map.set(client, clock);
};

/**
 * Reads a V1 Yjs update the way `Y.decodeUpdate` does — the same grammar, the same content
 * parsing (JSON, `any` values, type refs), so the same bytes are refused — but builds no Item,
 * ID or content object: only what `readDependencies` takes from the decoding. The relay then
 * decodes each update once more, to apply it, instead of twice. Throws on malformed input.
 */
export function scanUpdate(update: Uint8Array): ScannedUpdate {
  const decoder = decoding.createDecoder(update);
  const starts = new Map<number, number>();
  const ends = new Map<number, number>();
  const needs = new Map<number, number>();
  const gaps = new Map<number, number>();
  let structs = 0;
  const groups = decoding.readVarUint(decoder);
  for (let group = 0; group < groups; group++) {
    const count = decoding.readVarUint(decoder);
    const client = decoding.readVarUint(decoder);
    let clock = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const info = decoding.readUint8(decoder);
      let length: number;
      if (info === SKIP) {
        length = decoding.readVarUint(decoder);
        raise(gaps, client, clock + length);
        clock += length;
        structs++;
        continue;
      }
      if ((BITS5 & info) !== 0) {
        if ((info & HAS_ORIGIN) !== 0) raise(needs, decoding.readVarUint(decoder), decoding.readVarUint(decoder) + 1);
        if ((info & HAS_RIGHT_ORIGIN) !== 0) raise(needs, decoding.readVarUint(decoder), decoding.readVarUint(decoder) + 1);
        if ((info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) {
          if (decoding.readVarUint(decoder) === 1) decoding.readVarString(decoder);
          else raise(needs, decoding.readVarUint(decoder), decoding.readVarUint(decoder) + 1);
          if ((info & HAS_PARENT_SUB) !== 0) decoding.readVarString(decoder);
        }
        length = readContentLength(decoder, info & BITS5);
      } else {
        length = decoding.readVarUint(decoder);
      }
      // Each client's structs come in clock order, so its first is its start.
      if (!starts.has(client)) starts.set(client, clock);
      raise(ends, client, clock + length);
      clock += length;
      structs++;
    }
  }
  let deletions = 0;
  const clients = decoding.readVarUint(decoder);
  for (let i = 0; i < clients; i++) {
    const client = decoding.readVarUint(decoder);
    const count = decoding.readVarUint(decoder);
    for (let j = 0; j < count; j++) {
      const clock = decoding.readVarUint(decoder);
      raise(needs, client, clock + decoding.readVarUint(decoder));
    }
    // Yjs keeps a client with no deletions out of the delete set.
    if (count > 0) deletions++;
  }
  return { empty: structs === 0 && deletions === 0, dependencies: { starts, ends, needs, gaps } };
}

/** Reads one item's content; returns its length in clocks (Yjs's `content.getLength()`). */
function readContentLength(decoder: decoding.Decoder, ref: number): number {
  switch (ref) {
    case CONTENT.deleted:
      return decoding.readVarUint(decoder);
    case CONTENT.json: {
      const length = decoding.readVarUint(decoder);
      for (let i = 0; i < length; i++) {
        const json = decoding.readVarString(decoder);
        if (json !== 'undefined') JSON.parse(json);
      }
      return length;
    }
    case CONTENT.binary:
      decoding.readVarUint8Array(decoder);
      return 1;
    case CONTENT.string:
      return decoding.readVarString(decoder).length;
    case CONTENT.embed:
      JSON.parse(decoding.readVarString(decoder));
      return 1;
    case CONTENT.format:
      decoding.readVarString(decoder);
      JSON.parse(decoding.readVarString(decoder));
      return 1;
    case CONTENT.type: {
      const typeRef = decoding.readVarUint(decoder);
      if (typeRef > LAST_TYPE_REF) throw new Error(`unknown type ref ${typeRef}`);
      if (typeRef === XML_ELEMENT || typeRef === XML_HOOK) decoding.readVarString(decoder);
      return 1;
    }
    case CONTENT.any: {
      const length = decoding.readVarUint(decoder);
      for (let i = 0; i < length; i++) decoding.readAny(decoder);
      return length;
    }
    case CONTENT.doc: {
      decoding.readVarString(decoder);
      // Yjs reads `opts.shouldLoad` from these options, and so throws on null or undefined.
      const options: unknown = decoding.readAny(decoder);
      if (options === null || options === undefined) throw new Error('subdocument without options');
      return 1;
    }
    default:
      throw new Error(`unknown content ref ${ref}`);
  }
}
