/** Retention counts in days: recording each board's opening at most once a minute loses nothing. */
export const OPENED_RECORD_INTERVAL_MS = 60_000;

/** Past this many boards remembered, those recorded longer ago than the interval are forgotten. */
const PRUNE_AT = 1_000;

/**
 * Which boards' openings were recorded lately (for RETENTION_DAYS), so that 5,000 sockets joining
 * one board cost one write to storage rather than 5,000 on the relay's thread.
 */
export class OpenedBoards {
  private readonly recordedAt = new Map<string, number>();

  constructor(private readonly intervalMs = OPENED_RECORD_INTERVAL_MS) {}

  /** Whether an opening of `boardId` at `now` should be written; if so, counts it as written. */
  shouldRecord(boardId: string, now: number): boolean {
    const last = this.recordedAt.get(boardId);
    if (last !== undefined && now - last < this.intervalMs) return false;
    if (this.recordedAt.size >= PRUNE_AT) this.prune(now);
    this.recordedAt.set(boardId, now);
    return true;
  }

  /** The write failed: the next opening tries again. */
  forget(boardId: string): void {
    this.recordedAt.delete(boardId);
  }

  private prune(now: number): void {
    for (const [boardId, at] of this.recordedAt) if (now - at >= this.intervalMs) this.recordedAt.delete(boardId);
  }
}
