/**
 * Durable storage of boards as Yjs updates: one snapshot per board plus an append-only log of
 * the updates committed since. SQLite and PostgreSQL (storage/postgres/) implement it. Methods return
 * promises so a networked store fits; a store never knows about rooms or sockets.
 */
export interface BoardStore {
  /** Everything stored for a board; `snapshot` null and `log` empty for a board never written. */
  loadBoard(boardId: string): Promise<StoredBoard>;

  /**
   * Commits a batch of updates (possibly for many boards) in one transaction: all or none.
   * Resolves with each row's sequence number, in batch order, once the batch is committed: read
   * by every later load, and kept if the process is killed. Whether it also survives power loss
   * yet is `durable()`'s to say.
   * Sequence numbers belong to a board: a new row gets a higher number than any row of its board
   * ever had (compacted and quarantined ones included). Rows of different boards may share a
   * number (SQLite numbers each board on its own; PostgreSQL happens to share one sequence).
   */
  appendUpdates(batch: readonly UpdateToStore[]): Promise<number[]>;

  /**
   * Resolves once every batch `appendUpdates` resolved before this call survives a power cut, as
   * far as the store's durability setting promises it (SQLite with `synchronous = FULL`: after
   * one fsync shared by every caller waiting; PostgreSQL and SQLite NORMAL: at once, their commit
   * is already all they promise). Rejects when the disk refused; a later call may succeed and
   * then covers the earlier batches too.
   */
  durable(): Promise<void>;

  /**
   * Records a brand-new board with its first state. Rejects with BoardExistsError when the id is
   * taken, so two creators never overwrite each other.
   */
  createBoard(boardId: string, snapshot: Snapshot): Promise<void>;

  /**
   * Atomically replaces the board's snapshot with `snapshot` and deletes the log rows with
   * `seq <= throughSeq`, which the snapshot must contain. A snapshot never replaces one that
   * covers more (two instances, or an unloading and a reloading room, may compact concurrently).
   */
  compact(boardId: string, snapshot: Snapshot, throughSeq: number): Promise<void>;

  /** Moves an unreadable log row out of the log, keeping its bytes for a person to inspect. */
  quarantine(boardId: string, seq: number, reason: string): Promise<void>;

  /**
   * The board's log rows with `seq > afterSeq`, oldest first: what a receiver that has applied
   * everything through `afterSeq` lacks (another instance's commits, missed on the fan-out).
   * Rows of one board become visible in sequence order, so nothing older than a row read here
   * can appear later. Resolves with `null` when compaction has folded rows after `afterSeq`
   * into the snapshot (the snapshot covers more than `afterSeq`, so the missing rows may be
   * gone): the receiver must reload the board with `loadBoard` instead. Quarantined rows are
   * skipped, as `loadBoard` skips them. A board never written resolves with `[]`.
   */
  readUpdatesSince(boardId: string, afterSeq: number): Promise<StoredUpdate[] | null>;

  /**
   * Deletes the board's quarantined rows (kept for inspection, but they may hold erased text):
   * part of erasing contributions. Returns how many there were.
   */
  dropQuarantined(boardId: string): Promise<number>;

  /** Whether anything is stored for the board (false once it is deleted). */
  hasBoard(boardId: string): Promise<boolean>;

  /**
   * Deletes everything stored for the board (snapshot, log, quarantined rows) and leaves a
   * tombstone holding only its id and the time, in one transaction: from then on `createBoard`
   * rejects with BoardDeletedError, `appendUpdates` rejects a batch holding one of its updates,
   * and `compact` changes nothing, so a deleted board never comes back. Deleting again changes nothing.
   */
  deleteBoard(boardId: string): Promise<void>;

  /** Whether the board was deleted (has a tombstone). */
  isDeleted(boardId: string): Promise<boolean>;

  /** Someone opened the board at `at` (ms): retention counts from the last time (RETENTION_DAYS). */
  recordOpened(boardId: string, at: number): Promise<void>;

  /**
   * Boards whose retention has run out at `now` (ms): idle — not opened (`recordOpened`) nor
   * written (the snapshot's last write) — for longer than their own retention (`setRetention`)
   * or, without one, `defaultDays` (null: kept). Never a board set to keep.
   */
  dueForDeletion(now: number, defaultDays: number | null): Promise<string[]>;

  /** The board's own retention; null (the default) follows the server's RETENTION_DAYS. */
  setRetention(boardId: string, policy: RetentionPolicy | null): Promise<void>;

  /** The board's own retention and when it was last active (ms; null for a board never stored). */
  retentionOf(boardId: string): Promise<{ policy: RetentionPolicy | null; lastActiveAt: number | null }>;

  close(): Promise<void>;
}

/**
 * A whole board as one Yjs update, in either encoding (the server writes V1; see
 * storage/snapshots.ts). The log holds V1 updates exactly as clients sent them.
 */
export interface Snapshot {
  readonly data: Uint8Array;
  readonly encoding: UpdateEncoding;
  /**
   * The board schema version (meta `schemaVersion`) of the doc the snapshot was encoded from;
   * absent when unknown (snapshots written before it was recorded), which counts as outdated.
   */
  readonly schemaVersion?: number;
}

/** 'v1': `Y.encodeStateAsUpdate`; 'v2': `Y.encodeStateAsUpdateV2`. */
export type UpdateEncoding = 'v1' | 'v2';

export interface UpdateToStore {
  readonly boardId: string;
  readonly update: Uint8Array;
}

export interface StoredUpdate {
  readonly seq: number;
  readonly update: Uint8Array;
}

export interface StoredBoard {
  readonly snapshot: Snapshot | null;
  /** Highest log sequence number folded into `snapshot`; 0 without a snapshot. */
  readonly snapshotSeq: number;
  /** Log rows newer than the snapshot, oldest first. */
  readonly log: readonly StoredUpdate[];
}

/** A board's own retention: kept until deleted, or deleted after `days` idle (issue 15). */
export type RetentionPolicy = { readonly keep: true } | { readonly days: number };

/** The board was deleted: its id is never used again. */
export class BoardDeletedError extends Error {
  override name = 'BoardDeletedError';
  constructor(readonly boardId: string) {
    super(`Board ${boardId} was deleted`);
  }
}

export class BoardExistsError extends Error {
  override name = 'BoardExistsError';
  constructor(readonly boardId: string) {
    super(`Board ${boardId} already exists`);
  }
}
