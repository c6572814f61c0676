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
 * under a millisecond each, so no one socket can hold up other boards. What comes faster
 * waits (SocketServer), up to MAX_WAITING_*; past that the socket is closed.
 */
export const DEFAULT_BUDGET_LIMITS: BudgetLimits = {
  messages: { burst: 200, perSecond: 100 },
  bytes: { burst: 8 * 1024 * 1024, perSecond: 1024 * 1024 },
};

/** Messages a socket over its budget may have waiting before it is closed with RATE_LIMITED. */
export const MAX_WAITING_MESSAGES = 1_000;
/** …and bytes. */
export const MAX_WAITING_BYTES = 4 * 1024 * 1024;
/**
 * How long a socket may stay slowed without a break: a client that sent a few hundred changes
 * at once has caught up within seconds; one that is still over budget after this is flooding.
 */
export const MAX_SLOWED_MS = 5_000;

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

  /** Takes one message of `byteLength` from the budget if both buckets hold enough; false (taking nothing) if not. */
  spend(byteLength: number, now: number): boolean {
    this.refill(now);
    if (this.messages < 1 || this.bytes < byteLength) return false;
    this.messages -= 1;
    this.bytes -= byteLength;
    return true;
  }

  /** How long until a message of `byteLength` fits (0: now). */
  msUntil(byteLength: number, now: number): number {
    this.refill(now);
    const { messages, bytes } = this.limits;
    const forMessage = this.messages >= 1 ? 0 : ((1 - this.messages) / messages.perSecond) * 1000;
    const forBytes = this.bytes >= byteLength ? 0 : ((byteLength - this.bytes) / bytes.perSecond) * 1000;
    return Math.ceil(Math.max(forMessage, forBytes));
  }

  private refill(now: number): void {
    const { messages, bytes } = this.limits;
    const seconds = Math.max(0, now - this.refilledAt) / 1000;
    this.refilledAt = now;
    this.messages = Math.min(messages.burst, this.messages + seconds * messages.perSecond);
    this.bytes = Math.min(bytes.burst, this.bytes + seconds * bytes.perSecond);
  }
}
