import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { FanoutMessage } from './Fanout.ts';

/**
 * The bytes of a fan-out message between instances: a format version, the sending instance's id
 * (so an instance ignores its own messages, which pub/sub echoes back), the kind, then the kind's
 * fields. Binary, so an update is carried as it was stored, without base64.
 *
 *   u8 version (1) · varString sender · varUint kind · kind 0: varUint seq, varUint8Array update
 *                                                     · kind 1: varUint8Array awareness update
 *                                                     · kind 2: nothing (awareness query)
 */
const VERSION = 1;
const KIND_UPDATE = 0;
const KIND_AWARENESS = 1;
const KIND_AWARENESS_QUERY = 2;

export interface WireMessage {
  readonly sender: string;
  readonly message: FanoutMessage;
}

/** Encodes a message to send; 'lost' is local only and cannot be sent. */
export function encodeFanoutMessage(sender: string, message: FanoutMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeUint8(encoder, VERSION);
  encoding.writeVarString(encoder, sender);
  switch (message.kind) {
    case 'update':
      encoding.writeVarUint(encoder, KIND_UPDATE);
      encoding.writeVarUint(encoder, message.seq);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'awareness':
      encoding.writeVarUint(encoder, KIND_AWARENESS);
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case 'awareness-query':
      encoding.writeVarUint(encoder, KIND_AWARENESS_QUERY);
      break;
    case 'lost':
      throw new Error("a 'lost' fan-out message is never sent");
  }
  return encoding.toUint8Array(encoder);
}

/** Decodes a received message, or returns null for bytes of an unknown version or kind (a newer instance). */
export function decodeFanoutMessage(data: Uint8Array): WireMessage | null {
  const decoder = decoding.createDecoder(data);
  if (decoding.readUint8(decoder) !== VERSION) return null;
  const sender = decoding.readVarString(decoder);
  const kind = decoding.readVarUint(decoder);
  switch (kind) {
    case KIND_UPDATE: {
      const seq = decoding.readVarUint(decoder);
      return { sender, message: { kind: 'update', seq, update: decoding.readVarUint8Array(decoder) } };
    }
    case KIND_AWARENESS:
      return { sender, message: { kind: 'awareness', update: decoding.readVarUint8Array(decoder) } };
    case KIND_AWARENESS_QUERY:
      return { sender, message: { kind: 'awareness-query' } };
    default:
      return null;
  }
}
