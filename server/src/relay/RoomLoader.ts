import { CURRENT_SCHEMA_VERSION, MIGRATION_ORIGIN, migrateBoard } from '@costudio/shared';
import * as Y from 'yjs';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { BoardExistsError, type BoardStore, type StoredBoard } from '../storage/BoardStore.ts';
import { applySnapshot, encodeSnapshot } from '../storage/snapshots.ts';
import type { Connection } from './Connection.ts';
import type { FullStateCache } from './FullStateCache.ts';
import type { Lobby } from './Lobby.ts';
import { decodeClientMessage, EMPTY_STATE_VECTOR_LENGTH } from './messages.ts';
import type { UpdateLog } from './UpdateLog.ts';

export interface RoomLoaderOptions {
  readonly boardId: string;
  readonly store: BoardStore;
  readonly logger: Logger;
  readonly metrics: Metrics;
}

/** The parts of a room that a load fills in. */
export interface LoadTarget {
  readonly doc: Y.Doc;
  readonly log: UpdateLog;
  readonly lobby: Lobby;
  readonly fullState: FullStateCache;
  /** False once the room stopped loading (the server is shutting down): the load then stops too. */
  readonly isLoading: () => boolean;
}

export interface LoadedBoard {
  readonly throughSeq: number;
  readonly migratedSeq: number | null;
}

/** How long a cold load waits for its first clients' sync step 1 (and the answer's flush) before decoding. */
const EARLY_ANSWER_WINDOW_MS = 50;

/**
 * Brings a board from storage into a room's doc: snapshot, then the log replayed on top (an
 * unreadable row is quarantined, not fatal), then migrations, whose result is stored before
 * anyone syncs. Throws when the board cannot be loaded; the room then refuses its connections.
 */
export class RoomLoader {
  constructor(
    private readonly options: RoomLoaderOptions,
    private readonly target: LoadTarget,
  ) {}

  /**
   * Resolves with the highest log row the load read (every row up to it is in the doc) and the
   * row the migrations were stored as, if any.
   */
  async load(): Promise<LoadedBoard> {
    const { store, boardId } = this.options;
    const { doc, log, fullState } = this.target;
    const stored = await store.loadBoard(boardId);
    await this.answerBeforeDecoding(stored);
    const throughSeq = Math.max(stored.snapshotSeq, ...stored.log.map((row) => row.seq));
    if (!this.target.isLoading()) return { throughSeq, migratedSeq: null };
    if (stored.snapshot) {
      try {
        applySnapshot(doc, stored.snapshot);
      } catch (error) {
        throw new Error(`snapshot of board ${boardId} is unreadable: ${String(error)}`);
      }
    }
    log.startAt(stored.snapshotSeq);
    await this.replay(stored);
    const isNewBoard = stored.snapshot === null && stored.log.length === 0;
    const migrated = await this.migrate(isNewBoard);
    if (migrated instanceof Uint8Array) return this.adoptBoardCreatedElsewhere(migrated);
    if (migrated === null && stored.log.length === 0 && stored.snapshot) fullState.fromSnapshot(stored.snapshot);
    return { throughSeq, migratedSeq: migrated };
  }

  /** Applies the stored log on top of the doc; an unreadable row is quarantined, not fatal. */
  private async replay(stored: StoredBoard): Promise<void> {
    const { store, boardId, logger, metrics } = this.options;
    const { doc, log } = this.target;
    for (const row of stored.log) {
      try {
        Y.applyUpdate(doc, row.update);
        log.append(row.seq, row.update.byteLength);
      } catch (error) {
        log.skip(row.seq);
        await store.quarantine(boardId, row.seq, String(error));
        metrics.quarantinedUpdates++;
        logger.warn('quarantined an unreadable stored update', { boardId, seq: row.seq, error });
      }
    }
  }

  /**
   * Another instance created this new board between this load's read and its write (two
   * instances opening one new board at the same moment). Their creation is the board: this
   * instance's own creation (the migrations' update, already in the doc) is stored on top of it
   * as one more row, so everything the doc holds is durable before anyone syncs, and the
   * stored board is read in. Both creations merge as any concurrent edits do.
   */
  private async adoptBoardCreatedElsewhere(ownCreation: Uint8Array): Promise<LoadedBoard> {
    const { store, boardId, logger } = this.options;
    const { doc, log } = this.target;
    await store.appendUpdates([{ boardId, update: ownCreation }]);
    const stored = await store.loadBoard(boardId);
    if (stored.snapshot) applySnapshot(doc, stored.snapshot);
    log.startAt(stored.snapshotSeq);
    await this.replay(stored);
    logger.info('a new board was created by another instance at the same moment; loaded theirs', { boardId });
    return { throughSeq: Math.max(stored.snapshotSeq, ...stored.log.map((row) => row.seq)), migratedSeq: null };
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
    const { lobby, fullState } = this.target;
    fullState.fromSnapshot(snapshot);
    const message = fullState.cached;
    if (!message) return;
    const settled = new Set<Connection>();
    const deadline = performance.now() + EARLY_ANSWER_WINDOW_MS;
    while (this.target.isLoading()) {
      let unsettled = 0;
      for (const connection of lobby.connections()) {
        if (!connection.isOpen) continue;
        if (!settled.has(connection)) {
          const first = lobby.firstFrame(connection);
          if (first === undefined) {
            unsettled++;
            continue;
          }
          settled.add(connection);
          if (isEmptySyncStep1(first)) {
            lobby.dropFirstFrame(connection);
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

  /**
   * Runs migrations and durably stores what they changed; resolves with the row they were
   * stored as, or null when nothing changed or a new board's first snapshot holds them — or,
   * when another instance created the new board first, with the migrations' update, not stored.
   */
  private async migrate(isNewBoard: boolean): Promise<number | null | Uint8Array> {
    const { doc, log, fullState } = this.target;
    const changes: Uint8Array[] = [];
    const collect = (update: Uint8Array, origin: unknown) => {
      if (origin === MIGRATION_ORIGIN) changes.push(update);
    };
    doc.on('update', collect);
    try {
      migrateBoard(doc);
    } finally {
      doc.off('update', collect);
    }
    if (changes.length === 0) return null;
    const { store, boardId } = this.options;
    const update = changes.length === 1 ? (changes[0] as Uint8Array) : Y.mergeUpdates(changes);
    if (isNewBoard) {
      const snapshot = encodeSnapshot(doc);
      try {
        await store.createBoard(boardId, snapshot);
      } catch (error) {
        if (error instanceof BoardExistsError) return update;
        throw error;
      }
      fullState.fromSnapshot(snapshot);
      return null;
    }
    const [seq] = await store.appendUpdates([{ boardId, update }]);
    log.append(seq ?? log.appliedSeq, update.byteLength);
    return seq ?? null;
  }
}

/** Whether a client frame is a sync step 1 from a client whose document is empty. */
function isEmptySyncStep1(data: Uint8Array): boolean {
  try {
    const message = decodeClientMessage(data);
    return message.type === 'sync-step1' && message.stateVector.byteLength === EMPTY_STATE_VECTOR_LENGTH;
  } catch {
    return false; // Left in place: the room closes the socket for it once it replays the frame.
  }
}
