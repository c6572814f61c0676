import { MESSAGE_SYNC } from '@costudio/shared';
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

/** y-protocols' sync step 2 and update messages: both carry a V1 update. */
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;
/** Below this an update is cheap to re-encode; above it (a board's initial state) it is not. */
export const LARGE_UPDATE_BYTES = 64 * 1024;

type UpdateListener = (update: Uint8Array, origin: unknown, doc: Y.Doc, transaction: Y.Transaction) => void;

/**
 * Hands a large update received from the relay into an empty doc (the whole board, in the sync
 * step 2 that opens it on this device for the first time) to the doc's 'update' listeners as the
 * bytes received, instead of letting Yjs re-encode what the transaction added: on a board of
 * 10,000 notes that re-encoding took ~170 ms of the first render (issue 12), for listeners that
 * need no fresh copy. Into an empty doc the received update is what the transaction integrated
 * (plus any structs waiting for missing ones, which applying again is harmless for):
 * y-indexeddb stores it, the provider does not send back what came from itself, and the other
 * listeners ignore remote bytes.
 * Listeners are called only when the transaction changed the doc, as Yjs itself does.
 *
 * Yjs encodes only when the doc has 'update' observers, so they are lifted off the doc (lib0's
 * `_observers`) for that one transaction's cleanup and called right after it, in their order.
 */
export function passLargeUpdatesThrough(provider: WebsocketProvider, threshold = LARGE_UPDATE_BYTES): () => void {
  const original = provider.messageHandlers[MESSAGE_SYNC];
  if (!original) return () => {};
  const handler: typeof original = (encoder, decoder, owner, emitSynced, messageType) => {
    const update = largeUpdateIn(decoder, threshold);
    const doc = owner.doc;
    const observers = doc._observers as Map<string, Set<UpdateListener>>;
    // Only into an empty doc is every byte received new. Into a doc that already holds the
    // board (this device's copy), Yjs's encoding of what was new is small, and storing the
    // whole update instead would grow the device's copy by a board per visit.
    if (!update || doc.store.clients.size > 0 || !observers.get('update')?.size) {
      original(encoder, decoder, owner, emitSynced, messageType);
      return;
    }
    // The message's own transaction is the first to be cleaned up: its listeners are lifted
    // just before Yjs would encode for them, and put back as soon as that moment has passed
    // (the next cleanup, of a transaction its observers started, or the end of all of them),
    // so every other transaction, such as a write on 'sync', is heard as usual.
    let applied: Y.Transaction | null = null;
    let lifted: Set<UpdateListener> | null = null;
    const restore = () => {
      if (!lifted || !applied) return;
      const listeners = lifted;
      lifted = null;
      const added = observers.get('update');
      observers.set('update', added ? new Set([...listeners, ...added]) : listeners);
      if (changedDoc(applied)) for (const listener of [...listeners]) listener(update, applied.origin, doc, applied);
    };
    const onCleanup = (transaction: Y.Transaction) => {
      if (applied) {
        restore();
        return;
      }
      applied = transaction;
      lifted = observers.get('update') ?? null;
      observers.delete('update');
    };
    doc.on('afterTransactionCleanup', onCleanup);
    doc.on('afterAllTransactions', restore);
    try {
      original(encoder, decoder, owner, emitSynced, messageType);
    } finally {
      doc.off('afterTransactionCleanup', onCleanup);
      doc.off('afterAllTransactions', restore);
      restore();
    }
  };
  provider.messageHandlers[MESSAGE_SYNC] = handler;
  return () => {
    if (provider.messageHandlers[MESSAGE_SYNC] === handler) provider.messageHandlers[MESSAGE_SYNC] = original;
  };
}

/** The update a sync step 2 or update message carries, when it is at least `threshold` bytes. */
function largeUpdateIn(decoder: decoding.Decoder, threshold: number): Uint8Array | null {
  if (decoder.arr.length - decoder.pos < threshold) return null;
  try {
    const copy = decoding.clone(decoder);
    const type = decoding.readVarUint(copy);
    if (type !== SYNC_STEP_2 && type !== SYNC_UPDATE) return null;
    const update = decoding.readVarUint8Array(copy);
    return update.length >= threshold ? update : null;
  } catch {
    // Malformed: the provider's own handler decides what happens to it.
    return null;
  }
}

/** Whether Yjs would have emitted 'update' for this transaction (writeUpdateMessageFromTransaction). */
function changedDoc(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true;
  for (const [client, clock] of transaction.afterState) if (transaction.beforeState.get(client) !== clock) return true;
  return false;
}
