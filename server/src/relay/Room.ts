import { CloseCode, CURRENT_SCHEMA_VERSION, MIGRATION_ORIGIN, migrateBoard } from '@costudio/shared';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Fanout, FanoutMessage } from '../scale/Fanout.ts';
import type { BoardStore, Snapshot, StoredBoard } from '../storage/BoardStore.ts';
import { applySnapshot, encodeSnapshot } from '../storage/snapshots.ts';
import { COMMIT_FAILED_REASON, type CommitQueue, type QueuedCommit } from './CommitQueue.ts';
import type { Connection, ConnectionOwner } from './Connection.ts';
import { inspectUpdate } from './inspectUpdate.ts';
import {
  decodeClientMessage,
  encodeAwarenessMessage,
  encodeSavedMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdateMessage,
} from './messages.ts';
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
/** A client with an empty document sends this one-byte state vector. */
const EMPTY_STATE_VECTOR_LENGTH = 1;
const NO_CLOCKS: ReadonlyMap<number, number> = new Map();
/** How long a cold load waits for its first clients' sync step 1 (and the answer's flush) before decoding. */
const EARLY_ANSWER_WINDOW_MS = 50;

/**
 * One board in memory: its Y.Doc (which only ever holds committed data), awareness, and the
 * sockets connected to it. Updates go from a socket to the commit queue, and from a successful
 * commit to the doc and the other sockets.
 */
export class Room implements ConnectionOwner {
  readonly boardId: string;
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  state: RoomState = 'loading';
  /** Connections that arrived while the board was loading. */
  private waiting: Connection[] = [];
  private readonly log: UpdateLog;
  /** Sync step 2 holding the whole document, reused for every empty client until the next change. */
  private fullStateMessage: Uint8Array | null = null;
  /** The group commit this room last queued an update into; its end is awaited once, not per update. */
  private awaitedFlush: Promise<boolean> | null = null;
  /** Saving connections whose writes are in the group commit being settled. */
  private readonly toAcknowledge = new Set<Connection>();

  constructor(private readonly options: RoomOptions) {
    this.boardId = options.boardId;
    this.log = new UpdateLog({ maxUpdates: options.compactMaxUpdates, maxBytes: options.compactMaxBytes });
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  get isEmpty(): boolean {
    return this.connections.size === 0 && this.waiting.length === 0;
  }

  /**
   * Loads snapshot + log, runs migrations and commits their result. Until this resolves, no
   * client is sent anything (but see answerBeforeDecoding); on failure every waiting connection
   * is refused with LOAD_FAILED.
   */
  async load(): Promise<void> {
    const { store, boardId, logger, metrics } = this.options;
    const started = performance.now();
    try {
      const stored = await store.loadBoard(boardId);
      await this.answerBeforeDecoding(stored);
      if (this.state !== 'loading') return;
      if (stored.snapshot) {
        try {
          applySnapshot(this.doc, stored.snapshot);
        } catch (error) {
          throw new Error(`snapshot of board ${boardId} is unreadable: ${String(error)}`);
        }
      }
      this.log.startAt(stored.snapshotSeq);
      for (const row of stored.log) {
        try {
          Y.applyUpdate(this.doc, row.update);
          this.log.append(row.seq, row.update.byteLength);
        } catch (error) {
          this.log.skip(row.seq);
          await store.quarantine(boardId, row.seq, String(error));
          metrics.quarantinedUpdates++;
          logger.warn('quarantined an unreadable stored update', { boardId, seq: row.seq, error });
        }
      }
      const isNewBoard = stored.snapshot === null && stored.log.length === 0;
      const migrated = await this.migrate(isNewBoard);
      if (!migrated && stored.log.length === 0 && stored.snapshot) this.cacheFullState(stored.snapshot);
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
    const waiting = this.waiting;
    this.waiting = [];
    for (const connection of waiting) if (connection.isOpen) this.attach(connection);
  }

  /**
   * Decoding a large snapshot into the doc takes most of a cold load, and the first client then
   * decodes the same bytes again. When the stored board is one V1 snapshot at the current schema
   * version with no log rows, those bytes are exactly what the loaded doc will hold: no log to
   * replay, migrateBoard is a no-op at the current version, nothing is committed or received
   * from other instances before the waiting connections are attached, and from then on they get
   * every change. So a waiting client whose sync step 1 is empty is answered with them now, and
   * its step 1 is consumed; everything else it sent waits for the load as usual. Clients with a
   * non-empty state vector wait for a diff instead of 3 MB. If the load then fails, the socket is
   * closed with LOAD_FAILED as before. Waits at most EARLY_ANSWER_WINDOW_MS for those step 1s.
   */
  private async answerBeforeDecoding(stored: StoredBoard): Promise<void> {
    const { snapshot, log } = stored;
    if (!snapshot || log.length > 0 || snapshot.schemaVersion !== CURRENT_SCHEMA_VERSION) return;
    this.cacheFullState(snapshot);
    const message = this.fullStateMessage;
    if (!message) return;
    const settled = new Set<Connection>();
    const deadline = performance.now() + EARLY_ANSWER_WINDOW_MS;
    while (this.state === 'loading') {
      let unsettled = 0;
      for (const connection of this.waiting) {
        if (!connection.isOpen) continue;
        if (!settled.has(connection)) {
          const first = connection.pending?.[0];
          if (first === undefined) {
            unsettled++;
            continue;
          }
          settled.add(connection);
          if (isEmptySyncStep1(first)) {
            connection.pending?.shift();
            connection.send(message);
          }
        }
        // Let the answer leave before the decode blocks the event loop.
        if (connection.socket.bufferedAmount > 0) unsettled++;
      }
      if (unsettled === 0 || performance.now() >= deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  /** Runs migrations and durably stores what they changed; true when anything changed. */
  private async migrate(isNewBoard: boolean): Promise<boolean> {
    const changes: Uint8Array[] = [];
    const collect = (update: Uint8Array, origin: unknown) => {
      if (origin === MIGRATION_ORIGIN) changes.push(update);
    };
    this.doc.on('update', collect);
    try {
      migrateBoard(this.doc);
    } finally {
      this.doc.off('update', collect);
    }
    if (changes.length === 0) return false;
    const { store, boardId } = this.options;
    if (isNewBoard) {
      const snapshot = encodeSnapshot(this.doc);
      await store.createBoard(boardId, snapshot);
      this.cacheFullState(snapshot);
      return false;
    }
    const update = changes.length === 1 ? (changes[0] as Uint8Array) : Y.mergeUpdates(changes);
    const [seq] = await store.appendUpdates([{ boardId, update }]);
    this.log.append(seq ?? this.log.appliedSeq, update.byteLength);
    return true;
  }

  private fail(error: unknown): void {
    const { boardId, logger, metrics } = this.options;
    this.state = 'failed';
    metrics.roomLoadFailures++;
    logger.error('board failed to load; refusing its connections', { boardId, error });
    const waiting = this.waiting;
    this.waiting = [];
    for (const connection of waiting) {
      connection.close(CloseCode.LOAD_FAILED, 'The board could not be loaded from storage');
    }
    this.doc.destroy();
    this.options.onLoadFailed(this);
  }

  /** Adds a connection; it is greeted now if the board is loaded, or as soon as it is. */
  join(connection: Connection): void {
    if (this.state === 'ready') this.attach(connection);
    else if (this.state === 'loading') this.waiting.push(connection);
    else connection.close(CloseCode.LOAD_FAILED, 'The board could not be loaded from storage');
  }

  private attach(connection: Connection): void {
    this.connections.add(connection);
    connection.owner = this;
    connection.send(encodeSyncStep1(this.doc));
    const states = this.awareness.getStates();
    if (states.size > 0) {
      connection.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, Array.from(states.keys()))));
    }
    const pending = connection.pending;
    connection.pending = null;
    if (pending) for (const data of pending) if (connection.isOpen) this.receive(connection, data);
  }

  leave(connection: Connection): void {
    const index = this.waiting.indexOf(connection);
    if (index >= 0) this.waiting.splice(index, 1);
    if (!this.connections.delete(connection) && index < 0) return;
    connection.owner = null;
    if (connection.awarenessClients && this.state === 'ready') {
      awarenessProtocol.removeAwarenessStates(this.awareness, connection.awarenessClients, null);
    }
    if (this.isEmpty) this.options.onEmpty(this);
  }

  /** Handles one frame. Anything that throws closes that socket with MALFORMED_MESSAGE. */
  receive(connection: Connection, data: Uint8Array): void {
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
          awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, connection);
          break;
        case 'query-awareness':
          connection.send(
            encodeAwarenessMessage(
              awarenessProtocol.encodeAwarenessUpdate(this.awareness, Array.from(this.awareness.getStates().keys())),
            ),
          );
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

  /** A snapshot of exactly the current doc is also the sync step 2 for a client with nothing. */
  private cacheFullState(snapshot: Snapshot): void {
    if (snapshot.encoding === 'v1') this.fullStateMessage ??= encodeSyncStep2(snapshot.data);
  }

  private syncStep2For(stateVector: Uint8Array): Uint8Array {
    if (stateVector.byteLength !== EMPTY_STATE_VECTOR_LENGTH) {
      return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
    }
    this.fullStateMessage ??= encodeSyncStep2(Y.encodeStateAsUpdate(this.doc));
    return this.fullStateMessage;
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
        this.fullStateMessage = null;
        return;
      }
    }
    this.fullStateMessage = null;
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
      if (this.log.appliedSeq === mark.throughSeq && this.state === 'ready') this.cacheFullState(snapshot);
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

  /** Closes every socket on this board, including ones still waiting for it to load. */
  closeAll(code: number, reason: string): void {
    for (const connection of [...this.waiting, ...this.connections]) connection.close(code, reason);
  }

  /** Awareness from a socket or the fanout: track who owns which client id, then tell everyone. */
  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const changed = added.concat(updated, removed);
    if (changed.length === 0) return;
    const connection = this.connections.has(origin as Connection) ? (origin as Connection) : null;
    if (connection) {
      for (const client of added) this.adoptAwarenessClient(connection, client);
      if (removed.length > 0 && connection.awarenessClients) {
        connection.awarenessClients = connection.awarenessClients.filter((client) => !removed.includes(client));
      }
    }
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    // Everyone, the sender included: the stock client reconnects after 30 s without a message,
    // and the echo of its own awareness renewal is what an idle client receives.
    const message = encodeAwarenessMessage(update);
    for (const other of this.connections) other.send(message);
    if (connection) this.options.fanout.publish(this.boardId, { kind: 'awareness', update });
  };

  private adoptAwarenessClient(connection: Connection, client: number): void {
    connection.awarenessClients ??= [];
    if (!connection.awarenessClients.includes(client)) connection.awarenessClients.push(client);
    // A saving client learns its own id is durable up to what the doc holds, even if it has
    // nothing new to send on this connection.
    const saved = connection.savedClocks;
    if (saved) {
      const stored = Y.getState(this.doc.store, client);
      if (stored > (saved.get(client) ?? 0)) saved.set(client, stored);
    }
  }

  private readonly onFanoutMessage = (message: FanoutMessage) => {
    if (this.state !== 'ready') return;
    try {
      if (message.kind === 'update') {
        Y.applyUpdate(this.doc, message.update, FANOUT_ORIGIN);
        this.fullStateMessage = null;
        const frame = encodeUpdateMessage(message.update);
        for (const connection of this.connections) connection.send(frame);
      } else {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, FANOUT_ORIGIN);
      }
    } catch (error) {
      this.options.logger.error('could not apply a message from another instance', { boardId: this.boardId, error });
    }
  };
}

/** Whether a client frame is a sync step 1 from a client whose document is empty. */
function isEmptySyncStep1(data: Uint8Array): boolean {
  try {
    const message = decodeClientMessage(data);
    return message.type === 'sync-step1' && message.stateVector.byteLength === EMPTY_STATE_VECTOR_LENGTH;
  } catch {
    return false; // Left in place: attach closes the socket for it.
  }
}
