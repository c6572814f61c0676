import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startTestServer, type TestServer, type TestServerOptions } from './testServer.ts';

/** The relay and the browser an e2e file runs against; read them inside tests and hooks only. */
export interface E2eEnvironment {
  readonly server: TestServer;
  readonly browser: Browser;
}

/**
 * Registers hooks in the calling scope (a describe, or the file) that start a fresh relay on
 * port 0 and one headless Chromium before its tests, and close both after them. Hooks the file
 * registers later run after these start and before they close (vitest runs after-hooks as a stack).
 */
export function useE2eEnvironment(options: TestServerOptions = {}): E2eEnvironment {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startTestServer(options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('The test server starts in beforeAll; use it inside a test or hook.');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('The browser starts in beforeAll; use it inside a test or hook.');
      return browser;
    },
  };
}
