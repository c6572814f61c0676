/**
 * Polling helpers: integration tests wait on observable conditions, never on fixed sleeps, so
 * they are as fast as the system allows and fail with a message saying what never happened.
 */

export interface WaitOptions {
  /** Give up after this long. */
  timeoutMs?: number;
  /** Time between probes. */
  intervalMs?: number;
  /** What is being waited for, used in the timeout error. */
  what?: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_INTERVAL_MS = 15;

/**
 * Resolves with the first truthy value `probe` returns; rejects on timeout. A probe that throws
 * counts as "not yet" and its last error is reported on timeout.
 */
export async function waitFor<T>(
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  options: WaitOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const detail = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${options.what ?? 'condition'}${detail}`, {
        cause: lastError,
      });
    }
    await delay(intervalMs);
  }
}

/**
 * Retries an assertion until it passes; on timeout rethrows the assertion's own error so the
 * test report shows the real expected/actual values.
 */
export async function eventually(assertion: () => void | Promise<void>, options: WaitOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
    await delay(intervalMs);
  }
}

/** Resolves when `promise` settles or rejects after `timeoutMs` with a message naming `what`. */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

// The only sleep in the suite: the gap between two probes of a condition.
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
