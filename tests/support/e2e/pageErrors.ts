import type { ConsoleMessage, Page } from 'playwright-core';

export interface PageProblems {
  /** Uncaught exceptions and unhandled rejections in the page. */
  readonly pageErrors: string[];
  /** `console.error` messages, with their source location when known. */
  readonly consoleErrors: string[];
  /** Everything above, for a single `expect(problems.all()).toEqual([])`. */
  all(): string[];
  /** Stops listening. */
  dispose(): void;
}

export interface CollectOptions {
  /** Console errors matching any of these are expected (e.g. a socket refused on purpose). */
  ignore?: readonly RegExp[];
}

/**
 * Records page errors and console errors from the moment it is called, so a test can assert
 * that using the board raised none. Attach before `page.goto` to catch errors during load.
 */
export function collectPageProblems(page: Page, options: CollectOptions = {}): PageProblems {
  const ignore = options.ignore ?? [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  const onPageError = (error: Error) => {
    pageErrors.push(error.stack ?? error.message);
  };
  const onConsole = (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (ignore.some((pattern) => pattern.test(text))) return;
    const { url, lineNumber } = message.location();
    consoleErrors.push(url ? `${text} (${url}:${lineNumber})` : text);
  };
  page.on('pageerror', onPageError);
  page.on('console', onConsole);
  return {
    pageErrors,
    consoleErrors,
    all: () => [...pageErrors, ...consoleErrors],
    dispose() {
      page.off('pageerror', onPageError);
      page.off('console', onConsole);
    },
  };
}
