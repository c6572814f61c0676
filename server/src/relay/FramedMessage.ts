import { MESSAGE_AWARENESS, MESSAGE_SYNC } from '@costudio/shared';
import * as syncProtocol from 'y-protocols/sync';

// RFC 6455 §5.2: FIN set, opcode 2 (binary); a server's frames are never masked.
const FIN_BINARY = 0x82;
const MAX_SHORT_LENGTH = 125;
const LENGTH_16 = 126;
const LENGTH_64 = 127;
/** What precedes the payload in each kind of message (lib0 varints, one byte each here). */
const SYNC_UPDATE: readonly number[] = [MESSAGE_SYNC, syncProtocol.messageYjsUpdate];
const AWARENESS: readonly number[] = [MESSAGE_AWARENESS];

/**
 * A message framed once as a WebSocket frame and written as it is to every socket it goes to.
 * A room relays each committed update (and each change of presence) to all of its sockets:
 * this way the message is encoded
 * once, and each socket costs one write of one buffer, where `ws`'s own `send` builds a header
 * per socket and hands the socket two buffers (a `writev`). Sockets must not negotiate
 * per-message compression (see SocketServer), which would change how a frame is written.
 */
export class FramedMessage {
  private constructor(
    /** Header and message, ready for the socket. */
    readonly frame: Buffer,
    /** The message's own length, without the frame header (what `ws.send` would be given). */
    readonly byteLength: number,
  ) {}

  /** A y-websocket sync message of type "update" carrying `update`. */
  static syncUpdate(update: Uint8Array): FramedMessage {
    return FramedMessage.carrying(SYNC_UPDATE, update);
  }

  /** A y-websocket awareness message carrying `update` (an encoded awareness update). */
  static awareness(update: Uint8Array): FramedMessage {
    return FramedMessage.carrying(AWARENESS, update);
  }

  /** `types` (each one byte), then `payload` with its varint length, as lib0 writes them. */
  private static carrying(types: readonly number[], payload: Uint8Array): FramedMessage {
    const length = payload.byteLength;
    const messageLength = types.length + varUintSize(length) + length;
    const frame = Buffer.allocUnsafe(headerSize(messageLength) + messageLength);
    let at = writeHeader(frame, messageLength);
    for (const type of types) frame[at++] = type;
    at = writeVarUint(frame, at, length);
    frame.set(payload, at);
    return new FramedMessage(frame, messageLength);
  }
}

function headerSize(messageLength: number): number {
  if (messageLength <= MAX_SHORT_LENGTH) return 2;
  return messageLength < 2 ** 16 ? 4 : 10;
}

/** Writes the frame header; returns where the message starts. */
function writeHeader(frame: Buffer, messageLength: number): number {
  frame[0] = FIN_BINARY;
  if (messageLength <= MAX_SHORT_LENGTH) {
    frame[1] = messageLength;
    return 2;
  }
  if (messageLength < 2 ** 16) {
    frame[1] = LENGTH_16;
    frame.writeUInt16BE(messageLength, 2);
    return 4;
  }
  frame[1] = LENGTH_64;
  frame.writeUInt32BE(Math.floor(messageLength / 2 ** 32), 2);
  frame.writeUInt32BE(messageLength >>> 0, 6);
  return 10;
}

/** lib0's unsigned varint: 7 bits a byte, lowest first, high bit set on all but the last. */
function varUintSize(value: number): number {
  let size = 1;
  for (let rest = value; rest > 0x7f; rest = Math.floor(rest / 0x80)) size++;
  return size;
}

function writeVarUint(target: Buffer, offset: number, value: number): number {
  let at = offset;
  let rest = value;
  while (rest > 0x7f) {
    target[at++] = 0x80 | (rest & 0x7f);
    rest = Math.floor(rest / 0x80);
  }
  target[at++] = rest;
  return at;
}
