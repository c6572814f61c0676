/**
 * Counts events per client address in a fixed window, and says how long an address that has
 * used up its allowance must wait. One interface, two implementations: AddressRateLimiter in
 * memory (a single instance, the default) and RedisRateLimiter, whose counts every instance
 * sharing the Redis sees, so spreading requests over instances gains nothing (issue 14).
 */
export interface RateLimiter {
  /** Milliseconds `address` must wait before it may go on; 0 when it may now. */
  waitMs(address: string): Promise<number>;
  /** Counts one event against `address`. */
  record(address: string): Promise<void>;
}
