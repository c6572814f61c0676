/**
 * Counts events per client address in a fixed window, and says how long an address that has
 * used up its allowance must wait. One interface, two implementations: AddressRateLimiter in
 * memory (a single instance, the default) and RedisRateLimiter, whose counts every instance
 * sharing the Redis sees, so spreading requests over instances gains nothing (issue 14).
 */
export interface RateLimiter {
  /**
   * Counts one event against `address` if its allowance is not used up, in one step, so requests
   * sent in parallel (to one instance or several) cannot all slip in under the limit. Returns 0
   * when it was counted, else the milliseconds `address` must wait (and nothing was counted).
   */
  take(address: string): Promise<number>;
  /** Gives back an event `take` counted that turned out not to count (a right code, a board not made). */
  giveBack(address: string): Promise<void>;
}
