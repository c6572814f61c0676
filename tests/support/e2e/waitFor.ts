import { waitForValue } from '../waitFor.ts';

export interface WaitForOptions {
  /** Give up after this many milliseconds. Default 5000. */
  timeout?: number;
  /** Poll interval in milliseconds. Default 25. */
  interval?: number;
  /** Describes the awaited condition in the timeout error. */
  message?: string;
}

/**
 * Polls `condition` until it returns a value other than undefined, null or false (or stops
 * throwing) and resolves with that value: tests wait on what a user would notice, never on
 * fixed sleeps. On timeout, the error carries the last thrown error, so a failing `expect`
 * inside the condition explains itself. The e2e spelling of tests/support/waitFor.ts.
 */
export function waitFor<T>(condition: () => T | Promise<T>, options: WaitForOptions = {}): Promise<NonNullable<T>> {
  return waitForValue(condition, {
    timeoutMs: options.timeout ?? 5000,
    intervalMs: options.interval ?? 25,
    ...(options.message === undefined ? {} : { what: options.message }),
  });
}
