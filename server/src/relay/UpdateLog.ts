export interface UpdateLogLimits {
  /** Compact once the log holds this many rows… */
  readonly maxUpdates: number;
  /** …or this many bytes. */
  readonly maxBytes: number;
}

/** What a compaction folds into its snapshot, to be taken off the log once it is stored. */
export interface CompactionMark {
  readonly throughSeq: number;
  readonly count: number;
  readonly bytes: number;
}

/** After a failed compaction, the log is left alone this long rather than retried at every commit. */
const COMPACTION_RETRY_MS = 60_000;

/**
 * A room's view of its board's update log: the last row applied to the doc, how many rows and
 * bytes sit in the log since the snapshot, and when it is time to fold them into a new one.
 * Rows committed while a compaction runs stay counted: only what the compaction covered is
 * taken off.
 */
export class UpdateLog {
  private seq = 0;
  private rows = 0;
  private bytes = 0;
  private compacting = false;
  private blockedUntil = 0;

  constructor(private readonly limits: UpdateLogLimits) {}

  /** Highest log row applied to the doc. */
  get appliedSeq(): number {
    return this.seq;
  }

  get count(): number {
    return this.rows;
  }

  /** The loaded snapshot holds every row up to `seq`. */
  startAt(seq: number): void {
    this.seq = seq;
  }

  /** Row `seq` of `byteLength` bytes is in the log and the doc. */
  append(seq: number, byteLength: number): void {
    // Rows come in order; max keeps a late settle (a guard's undoing) from moving it back.
    if (seq > this.seq) this.seq = seq;
    this.rows++;
    this.bytes += byteLength;
  }

  /** Row `seq` was moved out of the log (quarantined) without reaching the doc. */
  skip(seq: number): void {
    if (seq > this.seq) this.seq = seq;
  }

  /** A compaction has begun and not yet finished or failed. */
  get isCompacting(): boolean {
    return this.compacting;
  }

  get isOverLimit(): boolean {
    return this.rows >= this.limits.maxUpdates || this.bytes >= this.limits.maxBytes;
  }

  /**
   * Starts a compaction of everything applied so far (but no further than `cap`: with several
   * instances, rows below `appliedSeq` may still be on their way), or returns null when there is
   * nothing to fold, one is already running, or the last one failed too recently.
   */
  beginCompaction(now = Date.now(), cap = Number.POSITIVE_INFINITY): CompactionMark | null {
    if (this.compacting || this.rows === 0 || now < this.blockedUntil) return null;
    const throughSeq = Math.min(this.seq, cap);
    if (throughSeq <= 0) return null;
    this.compacting = true;
    return { throughSeq, count: this.rows, bytes: this.bytes };
  }

  compacted(mark: CompactionMark): void {
    this.rows -= mark.count;
    this.bytes -= mark.bytes;
    this.compacting = false;
  }

  compactionFailed(now = Date.now()): void {
    this.blockedUntil = now + COMPACTION_RETRY_MS;
    this.compacting = false;
  }
}
