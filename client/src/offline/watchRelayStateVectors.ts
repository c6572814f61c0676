import { MESSAGE_SAVED, MESSAGE_SYNC } from '@costudio/shared';
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** y-protocols' sync step 1: the sender's state vector. */
const SYNC_STEP_1 = 0;

/**
 * Calls `onStateVector` with every state vector the relay vouches for: its sync step 1 (what
 * storage holds when we connect; the relay's doc only ever holds committed data) and each
 * MESSAGE_SAVED. It reads a copy of each message and then hands it to the provider's own
 * handler, so the provider and the SavedTracker see exactly what they saw before.
 */
export function watchRelayStateVectors(
  provider: WebsocketProvider,
  onStateVector: (stateVector: Map<number, number>) => void,
): () => void {
  const originalSync = provider.messageHandlers[MESSAGE_SYNC];
  const originalSaved = provider.messageHandlers[MESSAGE_SAVED];
  if (!originalSync || !originalSaved) return () => {};
  provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, owner, emitSynced, messageType) => {
    try {
      const copy = decoding.clone(decoder);
      if (decoding.readVarUint(copy) === SYNC_STEP_1) onStateVector(Y.decodeStateVector(decoding.readVarUint8Array(copy)));
    } catch {
      // Malformed: the provider's own handler decides what happens to it.
    }
    originalSync(encoder, decoder, owner, emitSynced, messageType);
  };
  provider.messageHandlers[MESSAGE_SAVED] = (encoder, decoder, owner, emitSynced, messageType) => {
    try {
      onStateVector(Y.decodeStateVector(decoding.readVarUint8Array(decoding.clone(decoder))));
    } catch {
      // As above.
    }
    originalSaved(encoder, decoder, owner, emitSynced, messageType);
  };
  return () => {
    provider.messageHandlers[MESSAGE_SYNC] = originalSync;
    provider.messageHandlers[MESSAGE_SAVED] = originalSaved;
  };
}
