import { countNotes, MIGRATION_ORIGIN } from '@costudio/shared';
import type * as Y from 'yjs';
import type { Logger } from '../log.ts';
import type { BoardVersion, HistoryStore, VersionKind } from '../storage/HistoryStore.ts';
import { encodeCompactSnapshot } from '../storage/snapshots.ts';

/** How often a board being edited gets an automatic version: every 10 minutes of activity. */
export const DEFAULT_HISTORY_INTERVAL_MS = 10 * 60_000;

/** The part of a loaded room the recorder needs: its id and its committed-only doc. */
export interface RecordableRoom {
  readonly boardId: string;
  readonly doc: Y.Doc;
}

interface RoomHistoryState {
  /** Changed since the last version was saved. */
  dirty: boolean;
  lastSavedAt: number;
}

/**
 * Keeps versions of boards while they are in use: one at most every `intervalMs` while people
 * edit (the first edit after the interval has passed saves one), and one when the last person
 * leaves if anything changed since the last version. It watches the room's doc, which only
 * ever holds committed edits, so a version never contains anything storage might not have.
 */
export class HistoryRecorder {
  private readonly rooms = new Map<RecordableRoom, RoomHistoryState>();

  constructor(
    private readonly history: HistoryStore,
    private readonly logger: Logger,
    private readonly intervalMs: number = DEFAULT_HISTORY_INTERVAL_MS,
  ) {}

  /** A board was loaded: start watching its edits. */
  roomLoaded(room: RecordableRoom): void {
    const state: RoomHistoryState = { dirty: false, lastSavedAt: Date.now() };
    this.rooms.set(room, state);
    // Not the 'update' event: while anyone listens to it, Yjs encodes every edit once more.
    const onUpdate = (transaction: Y.Transaction) => {
      if (transaction.origin === MIGRATION_ORIGIN) return;
      if (transaction.changed.size === 0 && transaction.deleteSet.clients.size === 0) return;
      state.dirty = true;
      if (Date.now() - state.lastSavedAt >= this.intervalMs) void this.recordQuietly(room, 'auto');
    };
    room.doc.on('afterTransaction', onUpdate);
    room.doc.once('destroy', () => {
      room.doc.off('afterTransaction', onUpdate);
      this.rooms.delete(room);
    });
  }

  /** The last person left (their edits are committed): keep a version if anything changed. */
  roomEmptied(room: RecordableRoom): void {
    if (this.rooms.get(room)?.dirty) void this.recordQuietly(room, 'last-leave');
  }

  /** Saves a version of the room's board now. */
  async record(room: RecordableRoom, kind: VersionKind, name: string | null = null): Promise<BoardVersion> {
    const state = this.rooms.get(room);
    if (state) {
      state.dirty = false;
      state.lastSavedAt = Date.now();
    }
    return this.history.save({
      boardId: room.boardId,
      kind,
      name,
      noteCount: countNotes(room.doc),
      // Versions are kept, not served: the compact encoding keeps DATA_DIR near the boards' size.
      snapshot: encodeCompactSnapshot(room.doc),
    });
  }

  private async recordQuietly(room: RecordableRoom, kind: VersionKind): Promise<void> {
    try {
      const version = await this.record(room, kind);
      this.logger.debug('board version saved', { boardId: room.boardId, kind, id: version.id });
    } catch (error) {
      this.logger.warn('could not save a board version', { boardId: room.boardId, kind, error });
    }
  }
}
