/**
 * How much one socket may send: a token bucket for messages and one for bytes. Each starts
 * full, holds at most `burst` and refills at `perSecond`; a message takes one message token and
 * its length in byte tokens. Documented in docs/protocol.md ("Limits").
 */
export interface BudgetLimits {
  readonly messages: { readonly burst: number; readonly perSecond: number };
  readonly bytes: { readonly burst: number; readonly perSecond: number };
}

/**
 * Generous for people: a fast typist with a moving cursor sends ~30 messages a second, a
 * reconnect's sync step 2 or a big paste is one frame of at most MAX_FRAME_BYTES (1 MiB), and
 * a client back from a long time offline sends a few such frames at once. Tight for floods:
 * past the burst, a socket gets 100 small messages a second, which the relay handles in well
 * under a millisecond each, so no one socket can hold up other boards.
 */
export const DEFAULT_BUDGET_LIMITS: BudgetLimits = {
  messages: { burst: 200, perSecond: 100 },
  bytes: { burst: 8 * 1024 * 1024, perSecond: 1024 * 1024 },
};

/**
 * A socket's two buckets, as four numbers rather than objects: a server holds thousands of
 * connections. `now` is in milliseconds (performance.now()).
 */
export class SocketBudget {
  private messages: number;
  private bytes: number;
  private refilledAt: number;

  constructor(
    private readonly limits: BudgetLimits,
    now: number,
  ) {
    this.messages = limits.messages.burst;
    this.bytes = limits.bytes.burst;
    this.refilledAt = now;
  }

  /** Takes one message of `byteLength` from the budget; false when the socket is over it. */
  spend(byteLength: number, now: number): boolean {
    const { messages, bytes } = this.limits;
    const seconds = Math.max(0, now - this.refilledAt) / 1000;
    this.refilledAt = now;
    this.messages = Math.min(messages.burst, this.messages + seconds * messages.perSecond) - 1;
    this.bytes = Math.min(bytes.burst, this.bytes + seconds * bytes.perSecond) - byteLength;
    return this.messages >= 0 && this.bytes >= 0;
  }
}
