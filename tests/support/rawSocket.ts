import { MESSAGE_SYNC } from '@costudio/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { toBytes } from './boardClient.ts';
import { waitFor, withTimeout } from './waitFor.ts';

/** How a raw socket ended: a close frame, or an HTTP refusal of the upgrade. */
export interface RawSocketEnd {
  /** WebSocket close code; 1006 when the connection dropped without a close frame. */
  readonly code: number;
  readonly reason: string;
  /** HTTP status when the server refused the upgrade instead of accepting and closing. */
  readonly httpStatus?: number;
}

/**
 * A bare `ws` socket for speaking (or deliberately mangling) the wire protocol by hand.
 * Every received frame is kept in `frames`.
 */
export interface RawSocket {
  readonly ws: WebSocket;
  readonly frames: Uint8Array[];
  /** Resolves on open; rejects if the socket ends first. */
  readonly opened: Promise<void>;
  /** Settles once, with the close code and reason (never rejects). */
  readonly ended: Promise<RawSocketEnd>;
  isOpen(): boolean;
  send(bytes: Uint8Array): void;
  close(): void;
}

/** Opens `ws://127.0.0.1:PORT${path}` where `baseUrl` is the server's http(s) or ws URL. */
export function openRawSocket(baseUrl: string, path: string, options: WebSocket.ClientOptions = {}): RawSocket {
  const url = `${baseUrl.replace(/^http/, 'ws').replace(/\/$/, '')}${path}`;
  const ws = new WebSocket(url, options);
  ws.binaryType = 'nodebuffer';
  const frames: Uint8Array[] = [];
  let httpStatus: number | undefined;
  ws.on('message', (data) => frames.push(toBytes(data)));
  ws.on('unexpected-response', (_request, response) => {
    httpStatus = response.statusCode;
    response.resume();
    ws.terminate();
  });
  // Errors end in 'close' as well; swallowing them here keeps Node from treating them as uncaught.
  ws.on('error', () => {});
  const ended = new Promise<RawSocketEnd>((resolve) => {
    ws.on('close', (code, reason) => {
      resolve(httpStatus === undefined ? { code, reason: reason.toString() } : { code, reason: reason.toString(), httpStatus });
    });
  });
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ended.then((end) => reject(new Error(`socket ended before opening: ${JSON.stringify(end)}`)));
  });
  // Callers that only care about `ended` should not see an unhandled rejection.
  opened.catch(() => {});
  return {
    ws,
    frames,
    opened,
    ended,
    isOpen: () => ws.readyState === WebSocket.OPEN,
    send: (bytes) => ws.send(bytes),
    close: () => ws.close(),
  };
}

/** Waits for the socket to end, failing after `timeoutMs`. */
export function endOf(socket: RawSocket, timeoutMs = 5_000): Promise<RawSocketEnd> {
  return withTimeout(socket.ended, timeoutMs, 'the server to close the socket');
}

/** A y-websocket sync message (MESSAGE_SYNC) of one step `type` (0, 1 or 2) carrying `payload`. */
export function syncFrame(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** `messageSync` + sync step 1 carrying `doc`'s state vector. */
export function syncStep1Frame(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** `messageSync` + `messageYjsUpdate` carrying `update` as is (valid or not). */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * Applies every sync frame in `frames` to `doc` (step 2 and updates; step 1 requests are
 * ignored) and returns the other frames' types. Lets a raw client see the board it was sent.
 */
export function applySyncFrames(doc: Y.Doc, frames: readonly Uint8Array[]): number[] {
  const otherTypes: number[] = [];
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type !== MESSAGE_SYNC) {
      otherTypes.push(type);
      continue;
    }
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, 'raw-socket');
  }
  return otherTypes;
}

/**
 * Sends `messages` as binary frames in one write to the TCP socket, as a flooding client
 * would, without the test process spending time per frame (which would stall what it measures).
 * Client frames must be masked (RFC 6455 §5.3); a zero mask leaves the payload as it is.
 */
export function sendBurst(socket: RawSocket, messages: readonly Uint8Array[]): void {
  const parts: Uint8Array[] = [];
  for (const message of messages) {
    const length = message.byteLength;
    if (length >= 65_536) throw new Error('sendBurst is for frames under 64 KiB');
    const header = length < 126 ? Buffer.from([0x82, 0x80 | length, 0, 0, 0, 0]) : Buffer.alloc(8);
    if (length >= 126) {
      header[0] = 0x82;
      header[1] = 0x80 | 126;
      header.writeUInt16BE(length, 2);
    }
    parts.push(header, message);
  }
  const tcp = (socket.ws as unknown as { _socket: { write(data: Uint8Array): boolean } })._socket;
  tcp.write(Buffer.concat(parts));
}

/** Opens sync room `room` with a share link's `token` and says how it went: 'open', or the close code. */
export async function tryRoom(baseUrl: string, room: string, token: string): Promise<'open' | number> {
  const socket = openRawSocket(baseUrl, `/sync/${room}?token=${token}`);
  try {
    await socket.opened;
    // Refusals come as a close frame right after the upgrade; a room that syncs sends step 1.
    await waitFor(() => socket.frames.length > 0 || !socket.isOpen(), 'the room to answer');
    return socket.isOpen() ? 'open' : (await endOf(socket)).code;
  } catch {
    return (await endOf(socket)).code;
  } finally {
    socket.close();
  }
}
