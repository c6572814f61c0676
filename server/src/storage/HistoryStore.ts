import type { Snapshot } from './BoardStore.ts';

/**
 * Why a version was kept: `auto` during activity, `last-leave` when the last person left,
 * `named` by a facilitator, `before-restore` just before another version was restored.
 */
export type VersionKind = 'auto' | 'last-leave' | 'named' | 'before-restore';

/** One saved version of a board, as listed (without its content). */
export interface BoardVersion {
  readonly id: number;
  readonly boardId: string;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  readonly kind: VersionKind;
  /** The facilitator's name for it (named versions), or a description (before-restore); else null. */
  readonly name: string | null;
  readonly noteCount: number;
}

export interface VersionToSave {
  readonly boardId: string;
  readonly kind: VersionKind;
  readonly name: string | null;
  readonly noteCount: number;
  readonly snapshot: Snapshot;
  readonly createdAt?: number;
}

/**
 * Saved versions of boards ("history"), kept apart from the live snapshot and update log so
 * compaction never touches them. Versions are only ever added (restoring one adds a new
 * change to the board and never deletes a version); the one exception is erasure, which
 * rewrites a version without the erased contributions.
 */
export interface HistoryStore {
  save(version: VersionToSave): Promise<BoardVersion>;
  /** A board's versions, newest first. */
  list(boardId: string): Promise<BoardVersion[]>;
  /** One version with its content, or null when the board has no such version. */
  get(boardId: string, id: number): Promise<{ version: BoardVersion; snapshot: Snapshot } | null>;
  /**
   * Replaces one version's content and note count, keeping its id, time, kind and name: for
   * erasing contributions from history (issue 15), never for anything else. False when the
   * board has no such version.
   */
  rewrite(boardId: string, id: number, snapshot: Snapshot, noteCount: number): Promise<boolean>;
  /** Deletes every version of the board (the board is being deleted). */
  deleteBoard(boardId: string): Promise<void>;
  close(): Promise<void>;
}
