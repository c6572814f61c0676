import * as Y from 'yjs';
import { type BoardFile, exportBoardFile } from '../boardFile/boardFile.ts';
import type { BoardVersion, HistoryStore } from '../storage/HistoryStore.ts';
import { applySnapshot } from '../storage/snapshots.ts';
import type { HistoryRecorder, RecordableRoom } from './HistoryRecorder.ts';
import { restoreUpdate } from './restoreUpdate.ts';

/** What BoardHistory needs from the relay: loaded rooms and the normal commit path. */
export interface RoomAccess {
  /** The board's loaded room (loading it if needed); rejects if it cannot be loaded. */
  openRoom(boardId: string): Promise<RecordableRoom>;
  /** Resolves once every update received so far is committed and applied. */
  whenCommitted(): Promise<void>;
  /** Commits an update the server made, then applies and relays it like a person's edit. */
  commitServerUpdate(room: RecordableRoom, update: Uint8Array): Promise<void>;
}

export interface RestoreResult {
  /** The version now on the board again. */
  readonly restored: BoardVersion;
  /** The automatic version of the board as it was just before. */
  readonly before: BoardVersion;
  /** False when the board already matched the version. */
  readonly changed: boolean;
}

/** Listing, naming, previewing and restoring versions of a board (docs/history.md). */
export class BoardHistory {
  constructor(
    private readonly rooms: RoomAccess,
    private readonly store: HistoryStore,
    private readonly recorder: HistoryRecorder,
  ) {}

  list(boardId: string): Promise<BoardVersion[]> {
    return this.store.list(boardId);
  }

  /** Saves the board as it is now under a facilitator's name ("After workshop 2"). */
  async saveNamed(boardId: string, name: string): Promise<BoardVersion> {
    const room = await this.rooms.openRoom(boardId);
    await this.rooms.whenCommitted();
    return this.recorder.record(room, 'named', name);
  }

  /** A version's content in the export format, for a read-only preview; null if unknown. */
  async preview(boardId: string, id: number): Promise<{ version: BoardVersion; board: BoardFile } | null> {
    const found = await this.store.get(boardId, id);
    if (!found) return null;
    const doc = new Y.Doc();
    try {
      applySnapshot(doc, found.snapshot);
      return { version: found.version, board: exportBoardFile(doc) };
    } finally {
      doc.destroy();
    }
  }

  /**
   * Brings a version back as a new change everyone receives. The board as it was is saved as
   * a version first, so a restore can itself be undone by restoring that one.
   */
  async restore(boardId: string, id: number): Promise<RestoreResult | null> {
    const found = await this.store.get(boardId, id);
    if (!found) return null;
    const room = await this.rooms.openRoom(boardId);
    await this.rooms.whenCommitted();
    const label = found.version.name
      ? `“${found.version.name}”`
      : `the version of ${new Date(found.version.createdAt).toISOString()}`;
    const before = await this.recorder.record(room, 'before-restore', `Before restoring ${label}`);
    const target = new Y.Doc();
    try {
      applySnapshot(target, found.snapshot);
      const update = restoreUpdate(room.doc, target);
      if (update) await this.rooms.commitServerUpdate(room, update);
      return { restored: found.version, before, changed: update !== null };
    } finally {
      target.destroy();
    }
  }
}
