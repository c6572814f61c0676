/** How many wrong guesses one address may make in a window before it must wait. */
export interface GuessLimits {
  readonly maxFailures: number;
  readonly windowMs: number;
  /** Addresses remembered at most; the oldest are forgotten first (bounded memory under attack). */
  readonly maxTracked: number;
}

/** Join codes: 20 wrong codes per 10 minutes per address. A person mistyping needs 2 or 3. */
export const JOIN_CODE_GUESS_LIMITS: GuessLimits = { maxFailures: 20, windowMs: 10 * 60_000, maxTracked: 100_000 };

interface Window {
  readonly startedAt: number;
  failures: number;
}

/**
 * Slows down guessing of short secrets (join codes): counts each address's failed guesses in a
 * fixed window and, once it has used them up, refuses every guess from it — right or wrong —
 * until the window ends. 8-character codes have 8.5 × 10¹¹ values; at 20 guesses per 10
 * minutes an address would need millions of years to find one of a thousand live codes.
 */
export class GuessLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limits: GuessLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds `address` must wait before guessing again; 0 when it may guess now. */
  waitMs(address: string): number {
    const window = this.current(address);
    if (!window || window.failures < this.limits.maxFailures) return 0;
    return window.startedAt + this.limits.windowMs - this.now();
  }

  recordFailure(address: string): void {
    let window = this.current(address);
    if (!window) {
      window = { startedAt: this.now(), failures: 0 };
      this.windows.set(address, window);
      if (this.windows.size > this.limits.maxTracked) {
        const oldest = this.windows.keys().next().value;
        if (oldest !== undefined) this.windows.delete(oldest);
      }
    }
    window.failures++;
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
