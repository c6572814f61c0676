/**
 * The suite's one way to wait: tests wait on observable conditions, never on fixed sleeps, so
 * they are as fast as the system allows and fail with a message saying what never happened.
 * Unit, integration and e2e tests all poll through `poll` below (e2e's `waitFor` adapts it).
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
 * counts as "not yet" and its last error is reported on timeout. `options` may be just the
 * words for `what`: `waitFor(() => doc.getMap('notes').size === 2, 'both notes')`.
 */
export async function waitFor<T>(
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  options: WaitOptions | string = {},
): Promise<T> {
  return poll(probe, (value): value is T => Boolean(value), typeof options === 'string' ? { what: options } : options);
}

/**
 * Like waitFor, but every value other than undefined, null and false ends the wait, so a probe
 * may answer 0 or ''.
 */
export function waitForValue<T>(probe: () => T | Promise<T>, options: WaitOptions = {}): Promise<NonNullable<T>> {
  return poll(probe, (value): value is NonNullable<T> => value !== undefined && value !== null && value !== false, options);
}

/**
 * Retries an assertion until it passes; on timeout rethrows the assertion's own error so the
 * test report shows the real expected/actual values.
 */
export async function eventually(assertion: () => void | Promise<void>, options: WaitOptions = {}): Promise<void> {
  try {
    await poll(
      async () => {
        await assertion();
        return true;
      },
      (passed): passed is true => passed,
      options,
    );
  } catch (error) {
    throw error instanceof TimeoutError && error.cause !== undefined ? error.cause : error;
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

/** A wait that ran out; `cause` is the probe's last error, if its last try threw. */
class TimeoutError extends Error {}

/** Probes until `done` accepts an answer; a probe that throws counts as "not yet". */
async function poll<T, Done extends T>(
  probe: () => T | Promise<T>,
  done: (value: T) => value is Done,
  options: WaitOptions,
): Promise<Done> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (done(value)) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const detail = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new TimeoutError(`Timed out after ${timeoutMs} ms waiting for ${options.what ?? 'condition'}${detail}`, {
        cause: lastError,
      });
    }
    await delay(intervalMs);
  }
}

// The only sleep in the suite: the gap between two probes of a condition.
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
