import { CloseCode } from '@costudio/shared';
import * as Y from 'yjs';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { Fanout } from '../scale/Fanout.ts';
import { COMMIT_FAILED_REASON, type CommitQueue, type QueuedCommit } from './CommitQueue.ts';
import type { Connection } from './Connection.ts';
import { FramedMessage } from './FramedMessage.ts';
import type { FullStateCache } from './FullStateCache.ts';
import { HeldUpdates } from './HeldUpdates.ts';
import { inspectUpdate } from './inspectUpdate.ts';
import { encodeSavedMessage, encodeUpdateMessage } from './messages.ts';
import type { UpdateGuard } from './UpdateGuard.ts';
import type { UpdateLog } from './UpdateLog.ts';
import { canIntegrate, type KnownClock } from './updateDependencies.ts';

export interface UpdateSequencerOptions {
  readonly boardId: string;
  /** The room's doc, which only ever holds committed updates. */
  readonly doc: Y.Doc;
  /** The room's greeted sockets, which receive every committed update. */
  readonly connections: ReadonlySet<Connection>;
  readonly log: UpdateLog;
  readonly fullState: FullStateCache;
  readonly commits: CommitQueue;
  readonly fanout: Fanout;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Undoes what a connection's committed update may not change (locked lanes, votes' settings). */
  readonly guard?: UpdateGuard | undefined;
  /** False once the room is closed: commits still count in the log but touch no doc. */
  readonly isReady: () => boolean;
  /** The log is past its limits after a commit. */
  readonly compact: () => void;
  /** Row `seq` of this board was committed here and is in the doc (or will be, for a closed room). */
  readonly committed?: (seq: number) => void;
}

/** An update of this board on its way to storage. */
interface RoomCommit extends QueuedCommit {
  /** The socket it came from, or null for updates the server made itself. */
  readonly connection: Connection | null;
  /** Per Yjs client id, the clock just past this update's last struct (for MESSAGE_SAVED). */
  readonly clocks: ReadonlyMap<number, number>;
}

const NO_CLOCKS: ReadonlyMap<number, number> = new Map();

/**
 * Puts one board's updates in order: each goes from a socket to the group commit, and only once
 * it is durable into the doc and out to the other sockets (through the guard, which may undo
 * part of it), with MESSAGE_SAVED to saving clients once per group commit. Every edit takes
 * this path, so it allocates nothing per update beyond the queued commit itself.
 */
export class UpdateSequencer {
  /** The group commit this room last queued an update into; its end is awaited once, not per update. */
  private awaitedFlush: Promise<boolean> | null = null;
  /** Saving connections whose writes are in the group commit being acknowledged. */
  private readonly toAcknowledge = new Set<Connection>();
  /** Updates that build on changes this board does not have yet (HeldUpdates.ts). */
  private readonly held = new HeldUpdates<RoomCommit>();
  /**
   * Per Yjs client, the clock reached by updates queued for commit: they are applied in order,
   * so an update that builds on one of them integrates in full by the time its own turn comes.
   */
  private readonly queuedClocks = new Map<number, number>();
  /** What the doc will have reached once every queued update is applied. */
  private readonly known: KnownClock = (client) =>
    Math.max(Y.getState(this.options.doc.store, client), this.queuedClocks.get(client) ?? 0);

  constructor(private readonly options: UpdateSequencerOptions) {}

  /** A client's update or sync step 2; throws for bytes that are not a Yjs update. */
  receive(connection: Connection, update: Uint8Array, isSyncStep2: boolean): void {
    if (connection.access === 'view') {
      // The stock client answers our sync step 1 with a step 2 even when it has nothing to
      // add, so a viewer is not closed for sending one; its edits are dropped.
      if (!connection.warnedReadOnly) {
        connection.warnedReadOnly = true;
        this.options.logger.info('ignoring document updates from a view-only connection', { boardId: this.options.boardId });
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
      // Tell a saving client that, as far as it has told us, everything is stored (its own
      // clocks the doc holds count, RoomAwareness.adopt): once what was committed is durable.
      if (isSyncStep2 && connection.savedClocks) void this.options.commits.whenSaved().then(() => this.acknowledge(connection));
      return;
    }
    const commit: RoomCommit = {
      boardId: this.options.boardId,
      update,
      connection,
      clocks: summary.clocks,
      settle: this.settleEdit,
      saved: this.savedEdit,
      unsaved: this.unsavedEdit,
    };
    if (canIntegrate(summary.dependencies, this.known)) {
      this.queue(commit);
      this.releaseHeld();
      return;
    }
    // Applied now, part of it would wait inside Yjs and slip in later with someone else's edit,
    // unjudged. Not stored, relayed or acknowledged until it fits; then judged like any other.
    if (!this.held.hold(connection, update, summary.dependencies, commit)) {
      connection.close(CloseCode.MALFORMED_MESSAGE, 'Malformed message: updates build on changes this board does not have');
    }
  }

  /** Queues the held updates that now fit, for their turn after what they build on. */
  releaseHeld(): void {
    for (let ready = this.held.release(this.known); ready.length > 0; ready = this.held.release(this.known)) {
      for (const commit of ready) this.queue(commit);
    }
  }

  /** A socket left: what it had held goes (its client sends it again when it reconnects). */
  forget(connection: Connection): void {
    this.held.drop(connection);
  }

  private queue(commit: RoomCommit): void {
    for (const [client, clock] of commit.clocks) {
      if (clock > (this.queuedClocks.get(client) ?? 0)) this.queuedClocks.set(client, clock);
    }
    this.commit(commit);
  }

  /**
   * Commits an update the server made itself (e.g. restoring a version) through the same group
   * commit as people's edits: durable first, then applied and relayed to every socket.
   */
  commitServerUpdate(update: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.commit({
        boardId: this.options.boardId,
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
    this.applyCommitted(commit, seq);
  };

  /**
   * The disk refused to flush a participant's update, already relayed: its sender is closed like
   * one whose commit failed, never told "saved" for it on this socket (its client keeps showing
   * it unsaved), and told again on reconnect what a flush that succeeds then covers.
   */
  private readonly unsavedEdit = (commit: RoomCommit): void => {
    commit.connection?.close(CloseCode.STORAGE_FAILED, COMMIT_FAILED_REASON);
  };

  /** A participant's update survives as storage promises: its sender is told, once per group. */
  private readonly savedEdit = (commit: RoomCommit): void => {
    const { connection } = commit;
    const saved = connection?.savedClocks;
    if (!connection || !saved) return;
    for (const [client, clock] of commit.clocks) if (clock > (saved.get(client) ?? 0)) saved.set(client, clock);
    this.toAcknowledge.add(connection);
  };

  /** The guard's undoing, already applied and relayed: only the log's bookkeeping is left. */
  private readonly settleUndo = (commit: RoomCommit, seq: number | null): void => {
    if (seq === null) {
      this.options.logger.error("could not store the server's undoing of a participant's change", {
        boardId: this.options.boardId,
        reason: COMMIT_FAILED_REASON,
      });
      return;
    }
    this.options.log.append(seq, commit.update.byteLength);
    this.options.committed?.(seq);
    // Already relayed with the update it undoes; sent again so other instances see the row's number.
    this.options.fanout.publish(this.options.boardId, { kind: 'update', seq, update: commit.update });
  };

  private applyCommitted(commit: RoomCommit, seq: number): void {
    const { boardId, doc, log, fullState, logger, guard } = this.options;
    log.append(seq, commit.update.byteLength);
    this.options.committed?.(seq);
    if (!this.options.isReady()) return;
    const { connection } = commit;
    // Committed, and nothing of it can be refused: out to everyone first, so no one waits for
    // the server's own copy (Yjs's apply costs as much as the commit). Else the guard judges first.
    const relayedFirst = !guard || !connection || !guard.mayRefuse(doc, connection, commit.update);
    if (relayedFirst) this.relay(commit, seq);
    let applied = false;
    const apply = () => {
      Y.applyUpdate(doc, commit.update, connection);
      applied = true;
    };
    let undo: Uint8Array | null = null;
    try {
      if (guard && connection) undo = guard.enforce(doc, connection, apply);
      else apply();
    } catch (error) {
      if (applied) {
        // The update is in the doc; a fault in the guard must not keep it from everyone else.
        logger.error('the update guard failed; relaying the update as it came', { boardId, error });
      } else {
        // Decoded fine but would not apply: keep the process and room alive, drop the sender.
        // (Relayed already if it came first: the others' clients judge it for themselves.)
        logger.error('committed update failed to apply', { boardId, seq, error });
        connection?.close(CloseCode.MALFORMED_MESSAGE, 'Malformed message: update could not be applied');
        fullState.clear();
        return;
      }
    }
    fullState.clear();
    if (doc.store.pendingStructs || doc.store.pendingDs) {
      // Only possible if an update it built on failed to commit: what cannot integrate now must
      // not integrate later inside another person's edit, nor reach a snapshot.
      logger.warn('dropping the parts of an update that build on changes the board does not have', { boardId, seq });
      doc.store.pendingStructs = null;
      doc.store.pendingDs = null;
    }
    if (undo) {
      if (relayedFirst) this.undoAfterRelay(undo);
      else this.refuseInPart(commit, undo, seq);
      return;
    }
    if (!relayedFirst) this.relay(commit, seq);
    // A server-made change (a restored version) may be what a held update was waiting for.
    if (!connection) this.releaseHeld();
  }

  /** A committed update to every other socket on the board, and to the other instances. */
  private relay(commit: RoomCommit, seq: number): void {
    const message = FramedMessage.syncUpdate(commit.update);
    for (const other of this.options.connections) if (other !== commit.connection) other.sendFramed(message);
    this.options.fanout.publish(this.options.boardId, { kind: 'update', seq, update: commit.update });
  }

  /**
   * The guard said it would refuse nothing, then undid part of an update already relayed (a
   * guard that misjudged): the undoing goes to every socket, the sender's too, and is stored.
   */
  private undoAfterRelay(undo: Uint8Array): void {
    const { boardId, logger, metrics } = this.options;
    metrics.refusedChangesUndone++;
    logger.warn("undid a participant's change after relaying it", { boardId });
    const message = FramedMessage.syncUpdate(undo);
    for (const connection of this.options.connections) connection.sendFramed(message);
    this.commit({ boardId, update: undo, connection: null, clocks: NO_CLOCKS, settle: this.settleUndo });
  }

  /**
   * The guard undid part of a committed update: everyone else gets the update and its undoing as
   * one message (so they never see the refused change), the sender gets the undoing, and the
   * undoing is stored like any server-made change. Until that commit lands only the doc holds it;
   * should the server die first, the sender's and others' clients send it back on reconnect.
   */
  private refuseInPart(commit: RoomCommit, undo: Uint8Array, seq: number): void {
    const { boardId, logger, metrics } = this.options;
    metrics.refusedChangesUndone++;
    const connection = commit.connection;
    if (connection && !connection.warnedRefused) {
      connection.warnedRefused = true;
      logger.info("undid a participant's change to what only facilitators may change", { boardId });
    }
    const both = Y.mergeUpdates([commit.update, undo]);
    const message = FramedMessage.syncUpdate(both);
    for (const other of this.options.connections) if (other !== connection) other.sendFramed(message);
    connection?.send(encodeUpdateMessage(undo));
    this.options.fanout.publish(boardId, { kind: 'update', seq, update: both });
    this.commit({ boardId, update: undo, connection: null, clocks: NO_CLOCKS, settle: this.settleUndo });
  }

  private acknowledge(connection: Connection): void {
    if (!connection.savedClocks || !connection.isOpen) return;
    connection.send(encodeSavedMessage(connection.savedClocks));
  }

  /** Once per group commit that held this room's updates, after all of them were settled and saved. */
  private readonly afterFlush = (committed: boolean): void => {
    if (!committed) return;
    try {
      for (const connection of this.toAcknowledge) this.acknowledge(connection);
    } catch (error) {
      this.options.logger.error('unexpected error acknowledging a commit', { boardId: this.options.boardId, error });
    }
    this.toAcknowledge.clear();
    try {
      if (this.options.log.isOverLimit) this.options.compact();
    } catch (error) {
      this.options.logger.error('unexpected error after a flush', { error });
    }
  };
}
