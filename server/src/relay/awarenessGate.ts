import { FACILITATES_FIELD } from '@costudio/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Whose an awareness client id is, as far as the room knows. */
export type AwarenessOwner = 'this-connection' | 'another-connection' | 'nobody';

export interface AwarenessSender {
  /** Who introduced `client` in this room. */
  ownerOf(client: number): AwarenessOwner;
  /** Whether the sender's link lets it facilitate (verified by the server when it connected). */
  readonly facilitates: boolean;
}

/**
 * Presence bound to its connection (issue 13). The awareness protocol lets any socket publish or
 * remove a state under any client id with a higher clock, so a view link could speak as the
 * facilitator, or blank out someone else. This keeps, from one socket's awareness update, only
 * the entries for ids that socket introduced (or new ones, which it then owns), and removes the
 * facilitator flag from states of a socket that may not facilitate. Returns the update to apply,
 * or null when nothing is left.
 */
export function gateAwarenessUpdate(update: Uint8Array, sender: AwarenessSender): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: { client: number; clock: number; state: string }[] = [];
  let changed = false;
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (sender.ownerOf(client) === 'another-connection') {
      changed = true;
      continue;
    }
    const state = sender.facilitates ? json : withoutFacilitatorFlag(json);
    if (state !== json) changed = true;
    kept.push({ client, clock, state });
  }
  if (kept.length === 0) return null;
  if (!changed) return update;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const { client, clock, state } of kept) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, state);
  }
  return encoding.toUint8Array(encoder);
}

function withoutFacilitatorFlag(json: string): string {
  // Cheap test first: most states never mention it.
  if (!json.includes(FACILITATES_FIELD)) return json;
  const state: unknown = JSON.parse(json);
  if (state === null || typeof state !== 'object' || !(FACILITATES_FIELD in state)) return json;
  const { [FACILITATES_FIELD]: _dropped, ...rest } = state as Record<string, unknown>;
  return JSON.stringify(rest);
}
