import { CloseCode } from '@costudio/shared';
import * as Y from 'yjs';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Fanout } from '../scale/Fanout.ts';
import type { BoardStore } from '../storage/BoardStore.ts';
import { encodeSnapshot } from '../storage/snapshots.ts';
import type { CommitQueue } from './CommitQueue.ts';
import type { Connection, ConnectionInfo, ConnectionOwner } from './Connection.ts';
import { FANOUT_ORIGIN, FanoutFollower } from './FanoutFollower.ts';
import { FramedMessage } from './FramedMessage.ts';
import { FullStateCache } from './FullStateCache.ts';
import { Lobby } from './Lobby.ts';
import { decodeClientMessage, EMPTY_STATE_VECTOR_LENGTH, encodeSyncStep2 } from './messages.ts';
import { RoomAwareness } from './RoomAwareness.ts';
import { RoomLoader } from './RoomLoader.ts';
import type { UpdateGuard } from './UpdateGuard.ts';
import { type CompactionMark, UpdateLog } from './UpdateLog.ts';
import { UpdateSequencer } from './UpdateSequencer.ts';

export interface RoomOptions {
  readonly boardId: string;
  readonly store: BoardStore;
  readonly fanout: Fanout;
  readonly commits: CommitQueue;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Compact once the log holds this many rows… */
  readonly compactMaxUpdates: number;
  /** …or this many bytes. */
  readonly compactMaxBytes: number;
  /** Called when the last connection leaves (the relay schedules the unload). */
  readonly onEmpty: (room: Room) => void;
  /** Called when loading failed; the relay forgets the room so the next visitor retries. */
  readonly onLoadFailed: (room: Room) => void;
  /** Undoes what a connection's committed update may not change (locked lanes, votes' settings). */
  readonly guard?: UpdateGuard | undefined;
}

/** `deleted`: the board was deleted while loaded; the room is dropped without writing anything back. */
export type RoomState = 'loading' | 'ready' | 'failed' | 'closed' | 'deleted';

const NO_FRAMES: readonly Uint8Array[] = [];

/**
 * One board in memory, from load to unload: its Y.Doc (which only ever holds committed data),
 * the sockets on it (in the lobby while it loads), and where each of their frames goes. Updates
 * are put in order by its UpdateSequencer; presence is its RoomAwareness.
 */
export class Room implements ConnectionOwner {
  readonly boardId: string;
  readonly doc = new Y.Doc();
  readonly connections = new Set<Connection>();
  private readonly awareness: RoomAwareness;
  state: RoomState = 'loading';
  /** Connections that arrived while the board was loading, and what they sent meanwhile. */
  private readonly lobby = new Lobby();
  private readonly log: UpdateLog;
  private readonly fullState = new FullStateCache();
  private readonly updates: UpdateSequencer;
  /** Other instances' updates and presence, and catching up from the store what they lost. */
  private readonly follower: FanoutFollower;

  constructor(private readonly options: RoomOptions) {
    this.boardId = options.boardId;
    this.log = new UpdateLog({ maxUpdates: options.compactMaxUpdates, maxBytes: options.compactMaxBytes });
    const { boardId, commits, fanout, logger, metrics, guard } = options;
    this.updates = new UpdateSequencer({
      boardId,
      commits,
      fanout,
      logger,
      metrics,
      guard,
      doc: this.doc,
      connections: this.connections,
      log: this.log,
      fullState: this.fullState,
      isReady: () => this.state === 'ready',
      compact: () => void this.compact(),
      committed: (seq) => this.follower.committed(seq),
    });
    this.awareness = new RoomAwareness(this.doc, this.connections, (update) =>
      options.fanout.publish(options.boardId, { kind: 'awareness', update }),
    );
    this.follower = new FanoutFollower({
      boardId,
      store: options.store,
      fanout,
      logger,
      metrics,
      doc: this.doc,
      awareness: this.awareness,
      relay: this.onDocUpdate,
    });
  }

  get isEmpty(): boolean {
    return this.connections.size === 0 && this.lobby.size === 0;
  }

  /**
   * Loads the board (see RoomLoader). Until this resolves, no client is sent anything (but see
   * RoomLoader.answerBeforeDecoding); on failure every waiting connection is refused with
   * LOAD_FAILED. Subscribes to other instances' updates first, so that none committed after the
   * load read the store is missed; they are applied once the waiting connections are greeted.
   */
  async load(): Promise<void> {
    const { boardId, logger, metrics } = this.options;
    const started = performance.now();
    let loaded: Awaited<ReturnType<RoomLoader['load']>>;
    try {
      await this.follower.subscribe();
      loaded = await new RoomLoader(this.options, {
        doc: this.doc,
        log: this.log,
        lobby: this.lobby,
        fullState: this.fullState,
        isLoading: () => this.state === 'loading',
      }).load();
    } catch (error) {
      this.fail(error);
      return;
    }
    if (this.state !== 'loading') return;
    this.state = 'ready';
    metrics.roomLoads++;
    metrics.loadSeconds.observe((performance.now() - started) / 1000);
    logger.debug('board loaded', { boardId, ms: Math.round(performance.now() - started), logRows: this.log.count });
    for (const [connection, frames] of this.lobby.release()) if (connection.isOpen) this.attach(connection, frames);
    this.follower.ready(loaded.throughSeq);
    if (loaded.migratedSeq !== null) this.follower.committed(loaded.migratedSeq);
  }

  private fail(error: unknown): void {
    const { boardId, logger, metrics } = this.options;
    this.state = 'failed';
    this.follower.stop();
    metrics.roomLoadFailures++;
    logger.error('board failed to load; refusing its connections', { boardId, error });
    for (const connection of this.lobby.release().keys()) {
      connection.close(CloseCode.LOAD_FAILED, 'The board could not be loaded from storage');
    }
    this.doc.destroy();
    this.options.onLoadFailed(this);
  }

  /** Adds a connection; it is greeted now if the board is loaded, or as soon as it is. */
  join(connection: Connection): void {
    if (this.state === 'ready') {
      this.attach(connection, NO_FRAMES);
    } else if (this.state === 'loading') {
      connection.owner = this;
      this.lobby.add(connection);
    } else {
      connection.close(CloseCode.LOAD_FAILED, 'The board could not be loaded from storage');
    }
  }

  /** Greets a connection, then handles what it sent while the board was loading. */
  private attach(connection: Connection, frames: readonly Uint8Array[]): void {
    this.connections.add(connection);
    connection.owner = this;
    connection.send(this.fullState.greetingFor(this.doc));
    this.awareness.sendAllTo(connection, false);
    for (const data of frames) if (connection.isOpen) this.receive(connection, data);
  }

  leave(connection: Connection): void {
    const waited = this.lobby.remove(connection);
    if (!this.connections.delete(connection) && !waited) return;
    connection.owner = null;
    this.updates.forget(connection);
    if (this.state === 'ready') this.awareness.forget(connection);
    // A deleted board keeps no last-leave version and schedules no unload.
    if (this.isEmpty && this.state !== 'deleted') this.options.onEmpty(this);
  }

  /** Handles one frame. Anything that throws closes that socket with MALFORMED_MESSAGE. */
  receive(connection: Connection, data: Uint8Array): void {
    // Not greeted yet (the board is loading, or stopped loading): keep it for the greeting.
    if (this.state !== 'ready' && !this.connections.has(connection)) {
      this.lobby.hold(connection, data);
      return;
    }
    try {
      const message = decodeClientMessage(data);
      switch (message.type) {
        case 'sync-step1':
          connection.send(this.syncStep2For(message.stateVector));
          break;
        case 'sync-step2':
        case 'update':
          this.updates.receive(connection, message.update, message.type === 'sync-step2');
          break;
        case 'awareness':
          this.awareness.apply(message.update, connection);
          break;
        case 'query-awareness':
          this.awareness.sendAllTo(connection, true);
          break;
        case 'auth':
          break;
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.options.logger.warn('malformed message; closing that connection', { boardId: this.boardId, reason });
      connection.close(CloseCode.MALFORMED_MESSAGE, `Malformed message: ${reason}`);
    }
  }

  private syncStep2For(stateVector: Uint8Array): Uint8Array {
    if (stateVector.byteLength !== EMPTY_STATE_VECTOR_LENGTH) {
      return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
    }
    return this.fullState.answerFor(this.doc);
  }

  /**
   * Commits an update the server made itself (e.g. restoring a version) through the same group
   * commit as people's edits: durable first, then applied and relayed to every socket.
   */
  commitServerUpdate(update: Uint8Array): Promise<void> {
    return this.updates.commitServerUpdate(update);
  }

  /** Folds the log into a fresh snapshot of the doc, in one storage transaction. */
  async compact(): Promise<void> {
    if (this.state !== 'ready' && this.state !== 'closed') return;
    // With several instances, the doc is known to hold every row only up to the follower's mark.
    const mark = this.log.beginCompaction(Date.now(), this.follower.throughSeq ?? undefined);
    if (!mark) return;
    try {
      await this.writeSnapshot(mark);
    } catch (error) {
      this.options.logger.warn('compaction failed; the update log is kept', { boardId: this.boardId, error });
    }
  }

  /**
   * Folds every committed update into a fresh snapshot now, whatever the log's size, after
   * waiting for the commit queue and any compaction already running: after an erasure, so that
   * neither the log nor the older snapshot keeps what the (garbage-collected) doc no longer
   * holds. Rejects when the board is not loaded or storage refuses.
   */
  async compactFully(): Promise<void> {
    await this.options.commits.whenIdle();
    for (;;) {
      if (this.state !== 'ready') throw new Error(`Board ${this.boardId} is not loaded`);
      // Infinity: a compaction that failed a moment ago does not delay this one.
      const mark = this.log.beginCompaction(Number.POSITIVE_INFINITY, this.follower.throughSeq ?? undefined);
      if (mark) return this.writeSnapshot(mark);
      // Nothing in the log: the stored snapshot was encoded after the last committed update.
      if (!this.log.isCompacting) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  private async writeSnapshot(mark: CompactionMark): Promise<void> {
    const snapshot = encodeSnapshot(this.doc);
    try {
      await this.options.store.compact(this.boardId, snapshot, mark.throughSeq);
    } catch (error) {
      this.log.compactionFailed();
      throw error;
    }
    this.log.compacted(mark);
    this.options.metrics.compactions++;
    // Other instances' changes may have reached the doc meanwhile without moving appliedSeq.
    const unchanged = this.log.appliedSeq === mark.throughSeq && !this.options.fanout.crossInstance;
    if (unchanged && this.state === 'ready') this.fullState.fromSnapshot(snapshot);
  }

  /**
   * Frees the room once nobody is connected: waits for its updates to be committed, compacts,
   * destroys the doc. Returns false if someone connected meanwhile.
   */
  async unload(): Promise<boolean> {
    if (this.state === 'loading') return false;
    await this.options.commits.whenIdle();
    if (!this.isEmpty || this.state === 'closed' || this.state === 'deleted') return false;
    await this.shutdown();
    return true;
  }

  /** At server shutdown, after the last commit: compact and free, even with sockets attached. */
  async shutdown(): Promise<void> {
    const wasReady = this.state === 'ready';
    // A load still in progress sees this and stops instead of greeting anyone.
    this.state = 'closed';
    this.follower.stop();
    if (wasReady) await this.compact();
    this.doc.destroy();
  }

  /**
   * The board is being deleted: closes every socket on it (waiting ones included) with `code`,
   * and from now on neither greets anyone nor compacts. Updates already queued still settle
   * into the doc; once the commit queue is idle the caller calls `destroyDeleted`.
   */
  markDeleted(code: number, reason: string): void {
    this.state = 'deleted';
    // Subscribed before loading (see load), so a loading room stops following too.
    this.follower.stop();
    this.closeConnectionsWhere(() => true, code, reason);
  }

  /** Frees a deleted board's doc, without writing anything to storage. */
  destroyDeleted(): void {
    this.doc.destroy();
  }

  /** Closes the sockets on this board, waiting ones included, that `predicate` picks; returns how many. */
  closeConnectionsWhere(predicate: (connection: ConnectionInfo) => boolean, code: number, reason: string): number {
    let closed = 0;
    for (const connection of this.lobby.connections()) closed += closeIf(connection, predicate, code, reason);
    for (const connection of this.connections) closed += closeIf(connection, predicate, code, reason);
    return closed;
  }

  /** Another instance's change (or one read from the store) reached the doc: relay what is new. */
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== FANOUT_ORIGIN || this.state !== 'ready') return;
    this.fullState.clear();
    const message = FramedMessage.syncUpdate(update);
    for (const connection of this.connections) connection.sendFramed(message);
    this.updates.releaseHeld();
  };
}

function closeIf(
  connection: Connection,
  predicate: (connection: ConnectionInfo) => boolean,
  code: number,
  reason: string,
): number {
  if (!connection.isOpen || !predicate(connection)) return 0;
  connection.close(code, reason);
  return 1;
}
