import { CloseCode } from '@costudio/shared';
import * as Y from 'yjs';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Fanout, FanoutMessage } from '../scale/Fanout.ts';
import type { BoardStore } from '../storage/BoardStore.ts';
import { encodeSnapshot } from '../storage/snapshots.ts';
import { COMMIT_FAILED_REASON, type CommitQueue, type QueuedCommit } from './CommitQueue.ts';
import type { Connection, ConnectionInfo, ConnectionOwner } from './Connection.ts';
import { FullStateCache } from './FullStateCache.ts';
import { inspectUpdate } from './inspectUpdate.ts';
import { Lobby } from './Lobby.ts';
import { decodeClientMessage, encodeSavedMessage, encodeSyncStep1, encodeSyncStep2, encodeUpdateMessage } from './messages.ts';
import { RoomAwareness } from './RoomAwareness.ts';
import { EMPTY_STATE_VECTOR_LENGTH, RoomLoader } from './RoomLoader.ts';
import type { UpdateGuard } from './UpdateGuard.ts';
import { UpdateLog } from './UpdateLog.ts';

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

export type RoomState = 'loading' | 'ready' | 'failed' | 'closed';

/** An update of this board on its way to storage. */
interface RoomCommit extends QueuedCommit {
  /** The socket it came from, or null for updates the server made itself. */
  readonly connection: Connection | null;
  /** Per Yjs client id, the clock just past this update's last struct (for MESSAGE_SAVED). */
  readonly clocks: ReadonlyMap<number, number>;
}

/** Transaction origin of updates that came from another server instance. */
const FANOUT_ORIGIN = 'costudio:fanout';
const NO_CLOCKS: ReadonlyMap<number, number> = new Map();
const NO_FRAMES: readonly Uint8Array[] = [];

/**
 * One board in memory: its Y.Doc (which only ever holds committed data), awareness, and the
 * sockets connected to it. Updates go from a socket to the commit queue, and from a successful
 * commit to the doc and the other sockets.
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
  /** The group commit this room last queued an update into; its end is awaited once, not per update. */
  private awaitedFlush: Promise<boolean> | null = null;
  /** Saving connections whose writes are in the group commit being settled. */
  private readonly toAcknowledge = new Set<Connection>();

  constructor(private readonly options: RoomOptions) {
    this.boardId = options.boardId;
    this.log = new UpdateLog({ maxUpdates: options.compactMaxUpdates, maxBytes: options.compactMaxBytes });
    this.awareness = new RoomAwareness(this.doc, this.connections, (update) =>
      options.fanout.publish(options.boardId, { kind: 'awareness', update }),
    );
  }

  get isEmpty(): boolean {
    return this.connections.size === 0 && this.lobby.size === 0;
  }

  /**
   * Loads the board (see RoomLoader). Until this resolves, no client is sent anything (but see
   * RoomLoader.answerBeforeDecoding); on failure every waiting connection is refused with
   * LOAD_FAILED.
   */
  async load(): Promise<void> {
    const { boardId, logger, metrics } = this.options;
    const started = performance.now();
    try {
      await new RoomLoader(this.options, {
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
    this.options.fanout.subscribe(boardId, this.onFanoutMessage);
    for (const [connection, frames] of this.lobby.release()) if (connection.isOpen) this.attach(connection, frames);
  }

  private fail(error: unknown): void {
    const { boardId, logger, metrics } = this.options;
    this.state = 'failed';
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
    connection.send(encodeSyncStep1(this.doc));
    this.awareness.sendAllTo(connection, false);
    for (const data of frames) if (connection.isOpen) this.receive(connection, data);
  }

  leave(connection: Connection): void {
    const waited = this.lobby.remove(connection);
    if (!this.connections.delete(connection) && !waited) return;
    connection.owner = null;
    if (this.state === 'ready') this.awareness.forget(connection);
    if (this.isEmpty) this.options.onEmpty(this);
  }

  /** Handles one frame. Anything that throws closes that socket with MALFORMED_MESSAGE. */
  receive(connection: Connection, data: Uint8Array): void {
    if (this.state === 'loading') {
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
          this.receiveUpdate(connection, message.update, message.type === 'sync-step2');
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

  private receiveUpdate(connection: Connection, update: Uint8Array, isSyncStep2: boolean): void {
    if (connection.access === 'view') {
      // The stock client answers our sync step 1 with a step 2 even when it has nothing to
      // add, so a viewer is not closed for sending one; its edits are dropped.
      if (!connection.warnedReadOnly) {
        connection.warnedReadOnly = true;
        this.options.logger.info('ignoring document updates from a view-only connection', { boardId: this.boardId });
      }
      return;
    }
    let summary: ReturnType<typeof inspectUpdate>;
    try {
      summary = inspectUpdate(update);
    } catch {
      throw new Error('update is not a valid Yjs update');
    }
    if (summary.empty) {
      // Tell a saving client that, as far as it has told us, everything is stored.
      if (isSyncStep2 && connection.savedClocks) this.acknowledge(connection);
      return;
    }
    this.commit({ boardId: this.boardId, update, connection, clocks: summary.clocks, settle: this.settleEdit });
  }

  /**
   * Commits an update the server made itself (e.g. restoring a version) through the same group
   * commit as people's edits: durable first, then applied and relayed to every socket.
   */
  commitServerUpdate(update: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.commit({
        boardId: this.boardId,
        update,
        connection: null,
        clocks: NO_CLOCKS,
        settle: (commit, seq) => {
          if (seq === null) {
            reject(new Error(COMMIT_FAILED_REASON));
            return;
          }
          try {
            this.applyCommitted(commit, seq);
          } finally {
            resolve();
          }
        },
      });
    });
  }

  private commit(commit: RoomCommit): void {
    const flushed = this.options.commits.enqueue(commit);
    if (flushed === this.awaitedFlush) return;
    this.awaitedFlush = flushed;
    void flushed.then(this.afterFlush);
  }

  /** A participant's update: applied and relayed once durable, or its sender closed. */
  private readonly settleEdit = (commit: RoomCommit, seq: number | null): void => {
    const { connection } = commit;
    if (seq === null) {
      connection?.close(CloseCode.STORAGE_FAILED, COMMIT_FAILED_REASON);
      return;
    }
    if (connection?.savedClocks) this.toAcknowledge.add(connection);
    this.applyCommitted(commit, seq);
  };

  /** The guard's undoing, already applied and relayed: only the log's bookkeeping is left. */
  private readonly settleUndo = (commit: RoomCommit, seq: number | null): void => {
    if (seq === null) {
      this.options.logger.error("could not store the server's undoing of a participant's change", {
        boardId: this.boardId,
        reason: COMMIT_FAILED_REASON,
      });
      return;
    }
    this.log.append(seq, commit.update.byteLength);
  };

  private applyCommitted(commit: RoomCommit, seq: number): void {
    this.log.append(seq, commit.update.byteLength);
    if (this.state !== 'ready') return;
    const saved = commit.connection?.savedClocks;
    if (saved) {
      for (const [client, clock] of commit.clocks) if (clock > (saved.get(client) ?? 0)) saved.set(client, clock);
    }
    let applied = false;
    const apply = () => {
      Y.applyUpdate(this.doc, commit.update, commit.connection);
      applied = true;
    };
    const { guard } = this.options;
    let undo: Uint8Array | null = null;
    try {
      if (guard && commit.connection) undo = guard.enforce(this.doc, commit.connection, apply);
      else apply();
    } catch (error) {
      if (applied) {
        // The update is in the doc; a fault in the guard must not keep it from everyone else.
        this.options.logger.error('the update guard failed; relaying the update as it came', { boardId: this.boardId, error });
      } else {
        // Decoded fine but would not apply: keep the process and room alive, drop the sender.
        this.options.logger.error('committed update failed to apply', { boardId: this.boardId, seq, error });
        commit.connection?.close(CloseCode.MALFORMED_MESSAGE, 'Malformed message: update could not be applied');
        this.fullState.clear();
        return;
      }
    }
    this.fullState.clear();
    if (undo) {
      this.refuseInPart(commit, undo);
      return;
    }
    const message = encodeUpdateMessage(commit.update);
    for (const other of this.connections) if (other !== commit.connection) other.send(message);
    this.options.fanout.publish(this.boardId, { kind: 'update', update: commit.update });
  }

  /**
   * The guard undid part of a committed update: everyone else gets the update and its undoing as
   * one message (so they never see the refused change), the sender gets the undoing, and the
   * undoing is stored like any server-made change. Until that commit lands only the doc holds it;
   * should the server die first, the sender's and others' clients send it back on reconnect.
   */
  private refuseInPart(commit: RoomCommit, undo: Uint8Array): void {
    const { boardId, logger, metrics } = this.options;
    metrics.refusedChangesUndone++;
    const connection = commit.connection;
    if (connection && !connection.warnedRefused) {
      connection.warnedRefused = true;
      logger.info("undid a participant's change to what only facilitators may change", { boardId });
    }
    const both = Y.mergeUpdates([commit.update, undo]);
    const message = encodeUpdateMessage(both);
    for (const other of this.connections) if (other !== connection) other.send(message);
    connection?.send(encodeUpdateMessage(undo));
    this.options.fanout.publish(boardId, { kind: 'update', update: both });
    this.commit({ boardId, update: undo, connection: null, clocks: NO_CLOCKS, settle: this.settleUndo });
  }

  private acknowledge(connection: Connection): void {
    if (!connection.savedClocks || !connection.isOpen) return;
    connection.send(encodeSavedMessage(connection.savedClocks));
  }

  /** Once per group commit that held this room's updates, after all of them were settled. */
  private readonly afterFlush = (committed: boolean): void => {
    if (!committed) return;
    try {
      for (const connection of this.toAcknowledge) this.acknowledge(connection);
    } catch (error) {
      this.options.logger.error('unexpected error acknowledging a commit', { boardId: this.boardId, error });
    }
    this.toAcknowledge.clear();
    try {
      if (this.log.isOverLimit) void this.compact();
    } catch (error) {
      this.options.logger.error('unexpected error after a flush', { error });
    }
  };

  /** Folds the log into a fresh snapshot of the doc, in one storage transaction. */
  async compact(): Promise<void> {
    if (this.state !== 'ready' && this.state !== 'closed') return;
    const mark = this.log.beginCompaction();
    if (!mark) return;
    const snapshot = encodeSnapshot(this.doc);
    try {
      await this.options.store.compact(this.boardId, snapshot, mark.throughSeq);
      this.log.compacted(mark);
      this.options.metrics.compactions++;
      if (this.log.appliedSeq === mark.throughSeq && this.state === 'ready') this.fullState.fromSnapshot(snapshot);
    } catch (error) {
      this.log.compactionFailed();
      this.options.logger.warn('compaction failed; the update log is kept', { boardId: this.boardId, error });
    }
  }

  /**
   * Frees the room once nobody is connected: waits for its updates to be committed, compacts,
   * destroys the doc. Returns false if someone connected meanwhile.
   */
  async unload(): Promise<boolean> {
    if (this.state === 'loading') return false;
    await this.options.commits.whenIdle();
    if (!this.isEmpty || this.state === 'closed') return false;
    await this.shutdown();
    return true;
  }

  /** At server shutdown, after the last commit: compact and free, even with sockets attached. */
  async shutdown(): Promise<void> {
    const wasReady = this.state === 'ready';
    // A load still in progress sees this and stops instead of greeting anyone.
    this.state = 'closed';
    if (wasReady) {
      this.options.fanout.unsubscribe(this.boardId);
      await this.compact();
    }
    this.doc.destroy();
  }

  /** Closes the sockets on this board, waiting ones included, that `predicate` picks; returns how many. */
  closeConnectionsWhere(predicate: (connection: ConnectionInfo) => boolean, code: number, reason: string): number {
    let closed = 0;
    for (const connection of this.lobby.connections()) closed += closeIf(connection, predicate, code, reason);
    for (const connection of this.connections) closed += closeIf(connection, predicate, code, reason);
    return closed;
  }

  private readonly onFanoutMessage = (message: FanoutMessage) => {
    if (this.state !== 'ready') return;
    try {
      if (message.kind === 'update') {
        Y.applyUpdate(this.doc, message.update, FANOUT_ORIGIN);
        this.fullState.clear();
        const frame = encodeUpdateMessage(message.update);
        for (const connection of this.connections) connection.send(frame);
      } else {
        this.awareness.apply(message.update, FANOUT_ORIGIN);
      }
    } catch (error) {
      this.options.logger.error('could not apply a message from another instance', { boardId: this.boardId, error });
    }
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
