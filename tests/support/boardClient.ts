import { MESSAGE_SAVED, SAVED_PARAM } from '@costudio/shared';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { waitFor } from './waitFor.ts';

/** How a connection of a BoardClient ended. */
export interface ObservedClose {
  readonly code: number;
  readonly reason: string;
}

/**
 * A stock y-websocket WebsocketProvider in Node, plus what the test needs to observe: the
 * top-level type of every frame it received, its close codes and, when it opted in, the
 * relay's "saved" acknowledgements.
 */
export interface BoardClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** First varUint of every frame received, in order, across reconnects. */
  readonly receivedTypes: readonly number[];
  /** Close events of this client's sockets, in order. */
  readonly closes: readonly ObservedClose[];
  /** Highest durable clock per Yjs client id the relay reported (empty unless `saved`). */
  readonly saved: ReadonlyMap<number, number>;
  /** Resolves when the provider has completed a sync with the relay. */
  whenSynced(timeoutMs?: number): Promise<void>;
  /** True when the relay has acknowledged every change this client's doc made itself. */
  allOwnChangesSaved(): boolean;
  destroy(): void;
}

export interface BoardClientOptions {
  /** Opt in to MESSAGE_SAVED with `?saved=1`. */
  saved?: boolean;
  doc?: Y.Doc;
  /** Extra URL parameters. */
  params?: Record<string, string>;
  /**
   * Longest wait between reconnection attempts. Default 200 ms, so tests don't wait on the
   * provider's 2.5 s after a restart; pass 2500 for the stock provider's own timing.
   */
  maxBackoffTime?: number;
}

/** Connects a stock WebsocketProvider to `${syncUrl}/${boardId}`. */
export function connectBoardClient(syncUrl: string, boardId: string, options: BoardClientOptions = {}): BoardClient {
  const doc = options.doc ?? new Y.Doc();
  const receivedTypes: number[] = [];
  const closes: ObservedClose[] = [];
  const saved = new Map<number, number>();
  const params: Record<string, string> = { ...options.params };
  if (options.saved) params[SAVED_PARAM] = '1';
  const provider = new WebsocketProvider(syncUrl, boardId, doc, {
    WebSocketPolyfill: recordingWebSocket(receivedTypes) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params,
    maxBackoffTime: options.maxBackoffTime ?? 200,
  });
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  if (options.saved) {
    // The stock provider has no handler for type 100; this client knows the message.
    provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
      const vector = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
      for (const [client, clock] of vector) saved.set(client, Math.max(saved.get(client) ?? 0, clock));
    };
  }
  return {
    doc,
    provider,
    receivedTypes,
    closes,
    saved,
    whenSynced: (timeoutMs = 10_000) =>
      waitFor(() => provider.synced, { timeoutMs, what: `sync of board ${boardId}` }).then(() => {}),
    allOwnChangesSaved() {
      const own = Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0;
      return (saved.get(doc.clientID) ?? 0) >= own;
    },
    destroy() {
      provider.destroy();
    },
  };
}

/** A `ws` WebSocket class that notes the message type of each frame before the provider sees it. */
function recordingWebSocket(receivedTypes: number[]): new (address: string, protocols?: string | string[]) => WebSocket {
  return class RecordingWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols);
      this.on('message', (data: WebSocket.RawData) => {
        const bytes = toBytes(data);
        receivedTypes.push(frameType(bytes));
      });
    }
  };
}

/** The frame's top-level message type, or -1 when it has none (empty or truncated). */
export function frameType(bytes: Uint8Array): number {
  try {
    return decoding.readVarUint(decoding.createDecoder(bytes));
  } catch {
    return -1;
  }
}

/** Normalises the shapes `ws` delivers a binary frame in. */
export function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
