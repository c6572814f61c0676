import type { Logger } from '../log.ts';
import type { Storage } from '../storage/Storage.ts';
import type { BoardDeletion } from './BoardDeletion.ts';

/** Companion rooms (facilitation, private writing) go with their board, never on their own. */
const COMPANION = '__';

/**
 * Retention (RETENTION_DAYS and each board's own, docs/privacy.md): deletes, for good and exactly
 * as a facilitator's deletion does, every board nobody has opened or written for longer than its
 * retention, and records each in the audit log as the server's doing.
 */
export class RetentionSweeper {
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<string[]> | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly deletion: BoardDeletion,
    /** The server's RETENTION_DAYS; null: boards without their own retention are kept. */
    private readonly days: number | null,
    private readonly logger: Logger,
  ) {}

  /** Deletes the boards idle for longer than the retention period as of `now`; returns their ids. */
  sweep(now = Date.now()): Promise<string[]> {
    this.sweeping ??= this.sweepOnce(now).finally(() => {
      this.sweeping = null;
    });
    return this.sweeping;
  }

  /** Sweeps now and then every `intervalMs` (default hourly) until `stop`. */
  start(intervalMs = 3_600_000): void {
    const run = () => {
      this.sweep().catch((error: unknown) => this.logger.error('retention sweep failed', { error }));
    };
    run();
    this.timer = setInterval(run, intervalMs);
    this.timer.unref();
  }

  /** Stops sweeping and waits for a sweep in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.sweeping?.catch(() => {});
  }

  private async sweepOnce(now: number): Promise<string[]> {
    const idle = (await this.storage.boards.dueForDeletion(now, this.days)).filter((id) => !id.includes(COMPANION));
    for (const boardId of idle) {
      await this.deletion.delete(boardId);
      await this.storage.audit.append({
        boardId,
        action: 'board-deleted',
        actor: 'server',
        linkId: null,
        access: null,
        details: { reason: 'retention', ...(this.days === null ? {} : { defaultDays: this.days }) },
      });
    }
    if (idle.length > 0) this.logger.info('retention deleted idle boards', { boards: idle.length, retentionDays: this.days });
    return idle;
  }
}
