/**
 * Runs `task` once the browser is idle after painting, and at the latest after `latestMs`
 * (after `fallbackMs` where requestIdleCallback is missing). Returns a function that cancels it.
 */
export function whenIdle(task: () => void, latestMs: number, fallbackMs = 50): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => task(), { timeout: latestMs });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(task, fallbackMs);
  return () => clearTimeout(timer);
}
