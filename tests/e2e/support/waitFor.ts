export interface WaitForOptions {
  /** Give up after this many milliseconds. Default 5000. */
  timeout?: number;
  /** Poll interval in milliseconds. Default 25. */
  interval?: number;
  /** Describes the awaited condition in the timeout error. */
  message?: string;
}

/**
 * Polls `condition` until it returns a truthy value (or stops throwing) and resolves with that
 * value. Tests wait on what a user would notice, never on fixed sleeps. On timeout, the error
 * carries the last thrown error, so a failing `expect` inside the condition explains itself.
 */
export async function waitFor<T>(condition: () => T | Promise<T>, options: WaitForOptions = {}): Promise<NonNullable<T>> {
  const timeout = options.timeout ?? 5000;
  const interval = options.interval ?? 25;
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value !== undefined && value !== null && value !== false) return value as NonNullable<T>;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const what = options.message ?? 'condition';
      const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}${reason}`, { cause: lastError });
    }
    await new Promise((resolveTimer) => setTimeout(resolveTimer, interval));
  }
}
