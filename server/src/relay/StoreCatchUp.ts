import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { BoardStore, StoredBoard, StoredUpdate } from '../storage/BoardStore.ts';

export interface StoreCatchUpOptions {
  readonly boardId: string;
  readonly store: BoardStore;
  readonly logger: Logger;
  readonly metrics?: Metrics | undefined;
  /** Applies committed rows read from the store to the room's doc (which relays what is new). */
  readonly applyRows: (rows: readonly StoredUpdate[]) => void;
  /** Applies a reloaded board (rows were compacted past what the room has). */
  readonly applyBoard: (board: StoredBoard) => void;
  /** How long a possible gap may wait for the missing message before the store is read. Default 100 ms. */
  readonly settleMs?: number;
}

/**
 * How long a row past the mark waits for the ones before it. Rows of one board from different
 * instances often arrive out of order; with sequence numbers shared by all boards (PostgreSQL's,
 * the one multi-instance backend) a row is rarely the mark's successor, and this also bounds
 * reads to ten a second per room.
 */
const SETTLE_MS = 100;

/**
 * Keeps a room of a board that several instances write complete, with the store as the truth.
 * It tracks `throughSeq`: every log row up to it is in the doc. A row seen (committed here, or
 * received from another instance) right after it moves it on; a row further on may mean a
 * message was lost, so after a short wait (the missing one usually arrives: instances publish
 * independently) the rows after `throughSeq` are read from the store, or the board is reloaded
 * when compaction folded them into a snapshot. Reading is also what happens when the fanout
 * says messages may have been lost (a reconnect, or its periodic sweep for a lost last message
 * that nothing after it would reveal). Applying a
 * row twice is harmless (Yjs updates are idempotent), so nothing here has to be exact but
 * `throughSeq`, which compaction relies on: a snapshot may only claim rows the doc has.
 *
 * This relies on the store's contract that a board's rows become visible in sequence order
 * (BoardStore.readUpdatesSince): a read that returns row n means no row below n is still to come.
 */
export class StoreCatchUp {
  private through = 0;
  /** Rows past `through` known to be in the doc. */
  private readonly ahead = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private reading: Promise<void> | null = null;
  private readAgain = false;
  private stopped = false;

  constructor(private readonly options: StoreCatchUpOptions) {}

  /** Every row up to this is in the doc. */
  get throughSeq(): number {
    return this.through;
  }

  /** The loaded board held every row up to `seq`. */
  startAt(seq: number): void {
    if (seq > this.through) this.advanceTo(seq);
  }

  /** Row `seq` is in the doc. */
  saw(seq: number): void {
    if (seq <= this.through) return;
    if (seq === this.through + 1) {
      this.advanceTo(seq);
      return;
    }
    this.ahead.add(seq);
    this.readSoon(this.options.settleMs ?? SETTLE_MS);
  }

  /** Messages may have been lost: read the store now. */
  lost(): void {
    this.readSoon(0);
  }

  /** Resolves once no read is scheduled or running (for tests). */
  async settled(): Promise<void> {
    while (this.timer || this.reading) {
      if (this.reading) await this.reading;
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private advanceTo(seq: number): void {
    this.through = seq;
    for (const row of this.ahead) if (row <= seq) this.ahead.delete(row);
    while (this.ahead.delete(this.through + 1)) this.through++;
  }

  private readSoon(delayMs: number): void {
    if (this.stopped) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    if (this.timer) {
      if (delayMs > 0) return;
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.reading = this.read().finally(() => {
        this.reading = null;
        if (this.readAgain) {
          this.readAgain = false;
          this.readSoon(this.options.settleMs ?? SETTLE_MS);
        }
      });
    }, delayMs);
    this.timer.unref();
  }

  private async read(): Promise<void> {
    const { boardId, store, logger, metrics } = this.options;
    const after = this.through;
    // Rows seen before the read were committed before it, so the read returns them or what covers them.
    const seen = Math.max(after, ...this.ahead);
    try {
      if (metrics) metrics.catchUpReads++;
      const rows = await store.readUpdatesSince(boardId, after);
      if (this.stopped) return;
      if (rows) {
        this.options.applyRows(rows);
        this.advanceTo(Math.max(seen, ...rows.map((row) => row.seq)));
        return;
      }
      if (metrics) metrics.catchUpReloads++;
      const board = await store.loadBoard(boardId);
      if (this.stopped) return;
      this.options.applyBoard(board);
      this.advanceTo(Math.max(seen, board.snapshotSeq, ...board.log.map((row) => row.seq)));
      logger.info('reloaded a board from the store: rows it lacked were compacted', { boardId, after });
    } catch (error) {
      logger.warn('could not catch up a board from the store; retrying later', { boardId, error });
    }
  }
}
