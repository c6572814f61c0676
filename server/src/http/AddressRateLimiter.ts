import type { RateLimiter } from './RateLimiter.ts';

/** How many counted requests one client address may make in a window before it must wait. */
export interface RateLimits {
  readonly maxEvents: number;
  readonly windowMs: number;
  /** Addresses remembered at most; the oldest are forgotten first (bounded memory under attack). */
  readonly maxTracked: number;
}

/** Join codes: 20 wrong codes per 10 minutes per address. A person mistyping needs 2 or 3. */
export const JOIN_CODE_GUESS_LIMITS: RateLimits = { maxEvents: 20, windowMs: 10 * 60_000, maxTracked: 100_000 };

/**
 * New boards: 60 an hour per address, far above what a facilitator (or a training room behind
 * one hospital NAT) makes, far below what would fill a disk.
 */
export const BOARD_CREATION_LIMITS: RateLimits = { maxEvents: 60, windowMs: 60 * 60_000, maxTracked: 100_000 };

interface Window {
  readonly startedAt: number;
  events: number;
}

/**
 * The single instance's RateLimiter, in memory (RedisRateLimiter counts across instances).
 * Counts events per client address (see clientAddress.ts) in a fixed window and, once an address
 * has used up its allowance, tells the caller to refuse it until the window ends. Used to slow
 * down guessing of join codes (only wrong guesses count; once they are used up every guess is
 * refused, right or wrong: 8-character codes have 8.5 × 10¹¹ values, so at 20 guesses per 10
 * minutes finding one of a thousand live codes would take millions of years) and to cap how
 * many boards one address creates.
 */
export class AddressRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limits: RateLimits,
    private readonly now: () => number = Date.now,
  ) {}

  take(address: string): Promise<number> {
    return Promise.resolve(this.takeNow(address));
  }

  giveBack(address: string): Promise<void> {
    this.giveBackNow(address);
    return Promise.resolve();
  }

  takeNow(address: string): number {
    const wait = this.waitMsNow(address);
    if (wait <= 0) this.recordNow(address);
    return wait;
  }

  giveBackNow(address: string): void {
    const window = this.current(address);
    if (window && window.events > 0) window.events--;
  }

  /** Milliseconds `address` must wait before it may go on; 0 when it may now. */
  waitMsNow(address: string): number {
    const window = this.current(address);
    if (!window || window.events < this.limits.maxEvents) return 0;
    return Math.max(1, window.startedAt + this.limits.windowMs - this.now());
  }

  /** Counts one event against `address`. */
  recordNow(address: string): void {
    let window = this.current(address);
    if (!window) {
      window = { startedAt: this.now(), events: 0 };
      this.windows.set(address, window);
      if (this.windows.size > this.limits.maxTracked) {
        const oldest = this.windows.keys().next().value;
        if (oldest !== undefined) this.windows.delete(oldest);
      }
    }
    window.events++;
  }

  private current(address: string): Window | undefined {
    const window = this.windows.get(address);
    if (window && this.now() - window.startedAt >= this.limits.windowMs) {
      this.windows.delete(address);
      return undefined;
    }
    return window;
  }
}

/** A wait as people say it, rounded up to whole minutes: "1 minute", "10 minutes". */
export function minutesInWords(waitMs: number): string {
  const minutes = Math.ceil(waitMs / 60_000);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
