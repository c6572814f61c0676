import { MESSAGE_AUTH, MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SAVED, MESSAGE_SYNC } from '@costudio/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/** A message from a client, decoded just far enough to route it. Byte arrays are views, not copies. */
export type ClientMessage =
  | { readonly type: 'sync-step1'; readonly stateVector: Uint8Array }
  | { readonly type: 'sync-step2'; readonly update: Uint8Array }
  | { readonly type: 'update'; readonly update: Uint8Array }
  | { readonly type: 'awareness'; readonly update: Uint8Array }
  | { readonly type: 'query-awareness' }
  | { readonly type: 'auth' };

/** A client with an empty document sends this one-byte state vector in its sync step 1. */
export const EMPTY_STATE_VECTOR_LENGTH = 1;

/** The frame was not a y-websocket message; the reason is sent to the client in the close frame. */
export class MalformedMessageError extends Error {
  override name = 'MalformedMessageError';
}

/** Decodes one client frame; throws MalformedMessageError for anything the protocol does not allow. */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(data);
  const messageType = readVarUint(decoder, 'message type');
  switch (messageType) {
    case MESSAGE_SYNC: {
      const syncType = readVarUint(decoder, 'sync message type');
      const payload = readBytes(decoder, 'sync payload');
      switch (syncType) {
        case syncProtocol.messageYjsSyncStep1:
          try {
            Y.decodeStateVector(payload);
          } catch {
            throw new MalformedMessageError('sync step 1 carries an invalid state vector');
          }
          return { type: 'sync-step1', stateVector: payload };
        case syncProtocol.messageYjsSyncStep2:
          return { type: 'sync-step2', update: payload };
        case syncProtocol.messageYjsUpdate:
          return { type: 'update', update: payload };
        default:
          throw new MalformedMessageError(`unknown sync message type ${syncType}`);
      }
    }
    case MESSAGE_AWARENESS:
      return { type: 'awareness', update: readBytes(decoder, 'awareness payload') };
    case MESSAGE_QUERY_AWARENESS:
      return { type: 'query-awareness' };
    case MESSAGE_AUTH:
      // Part of the standard protocol but only ever sent by servers; harmless to ignore.
      return { type: 'auth' };
    default:
      throw new MalformedMessageError(`unknown message type ${messageType}`);
  }
}

function readVarUint(decoder: decoding.Decoder, what: string): number {
  if (!decoding.hasContent(decoder)) throw new MalformedMessageError(`missing ${what}`);
  try {
    return decoding.readVarUint(decoder);
  } catch {
    throw new MalformedMessageError(`truncated or invalid ${what}`);
  }
}

function readBytes(decoder: decoding.Decoder, what: string): Uint8Array {
  try {
    return decoding.readVarUint8Array(decoder);
  } catch {
    throw new MalformedMessageError(`truncated ${what}`);
  }
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSyncPayload(syncProtocol.messageYjsSyncStep2, update);
}

export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  return encodeSyncPayload(syncProtocol.messageYjsUpdate, update);
}

function encodeSyncPayload(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

/** MESSAGE_SAVED: the clocks, per Yjs client id, up to which this connection's writes are durable. */
export function encodeSavedMessage(savedClocks: Map<number, number>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SAVED);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(savedClocks));
  return encoding.toUint8Array(encoder);
}
