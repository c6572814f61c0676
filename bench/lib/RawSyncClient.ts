import { performance } from 'node:perf_hooks';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;

/**
 * A minimal y-websocket client: a Y.Doc and a `ws` socket speaking the sync protocol
 * (y-protocols/sync) and nothing else — no awareness, no reconnects, no BroadcastChannel. It is
 * what the stock WebsocketProvider does on the wire, at a fraction of the cost, so one load
 * generator process can drive hundreds of clients (and 5,000 idle ones) on a 2-core machine.
 */
export class RawSyncClient {
  readonly doc = new Y.Doc();
  /** performance.now() when the frame now being applied arrived; read by doc observers. */
  lastReceivedAt = 0;
  private synced = false;
  private readonly socket: WebSocket;
  private readonly syncWaiters: Array<() => void> = [];
  private readonly messageListeners: Array<() => void> = [];
  private closeError: Error | null = null;
  private frameTap: ((frame: Buffer, receivedAt: number) => boolean) | null = null;
  /** performance.now() when the frame that completed the initial sync (step 2) arrived. */
  syncFrameAt = 0;
  /** Size of that frame in bytes. */
  syncFrameBytes = 0;

  constructor(url: string) {
    this.socket = new WebSocket(url, { perMessageDeflate: false });
    this.socket.binaryType = 'nodebuffer';
    this.socket.on('open', () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      this.socket.send(encoding.toUint8Array(encoder));
    });
    this.socket.on('message', (data: Buffer) => this.receive(data));
    this.socket.on('error', (error) => {
      this.closeError ??= error;
    });
    this.socket.on('close', (code, reason) => {
      this.closeError ??= new Error(`socket closed (${code} ${reason.toString()})`);
      for (const waiter of this.syncWaiters.splice(0)) waiter();
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this || this.socket.readyState !== WebSocket.OPEN) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      this.socket.send(encoding.toUint8Array(encoder));
    });
  }

  /** Resolves once the server's sync step 2 (its whole document) has been applied. */
  whenSynced(timeoutMs = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.synced) resolve();
        else reject(this.closeError ?? new Error('not synced'));
      };
      if (this.synced || this.closeError) return check();
      const timer = setTimeout(() => reject(new Error(`not synced within ${timeoutMs} ms`)), timeoutMs);
      this.syncWaiters.push(() => {
        clearTimeout(timer);
        check();
      });
    });
  }

  /**
   * Shows every later frame to `tap` first, stamped with its arrival time; a frame the tap
   * returns true for is consumed and not applied to the doc.
   */
  tapFrames(tap: (frame: Buffer, receivedAt: number) => boolean): void {
    this.frameTap = tap;
  }

  /** Calls `listener` after every frame from the server has been handled. */
  onMessage(listener: () => void): void {
    this.messageListeners.push(listener);
  }

  get failure(): Error | null {
    return this.closeError;
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }

  /** Drops the socket without a closing handshake (for tearing down thousands at once). */
  terminate(): void {
    this.socket.terminate();
  }

  private receive(data: Buffer): void {
    this.lastReceivedAt = performance.now();
    if (this.frameTap?.(data, this.lastReceivedAt)) return;
    const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    if (decoding.readVarUint(decoder) === MESSAGE_SYNC) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      const syncType = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (encoding.length(encoder) > 1) this.socket.send(encoding.toUint8Array(encoder));
      if (syncType === syncProtocol.messageYjsSyncStep2 && !this.synced) {
        this.synced = true;
        this.syncFrameAt = this.lastReceivedAt;
        this.syncFrameBytes = data.byteLength;
        for (const waiter of this.syncWaiters.splice(0)) waiter();
      }
    }
    // Awareness and anything else are ignored: the bench measures document sync only.
    for (const listener of this.messageListeners) listener();
  }
}

/**
 * Opens `count` clients with at most `concurrency` handshakes in flight, and waits for all to
 * sync; those `first` picks connect and sync before any other. Returned in index order.
 */
export async function connectMany(
  urls: (index: number) => string,
  count: number,
  concurrency = 100,
  first?: (index: number) => boolean,
): Promise<RawSyncClient[]> {
  const clients = new Array<RawSyncClient>(count);
  const indices = Array.from({ length: count }, (_, i) => i);
  const phases = first ? [indices.filter(first), indices.filter((i) => !first(i))] : [indices];
  for (const phase of phases)
    for (let start = 0; start < phase.length; start += concurrency) {
      const batch = phase.slice(start, start + concurrency).map((i) => {
        clients[i] = new RawSyncClient(urls(i));
        return clients[i];
      });
      await Promise.all(batch.map((client) => client.whenSynced()));
    }
  return clients;
}
