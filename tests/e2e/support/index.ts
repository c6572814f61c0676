export type { ContextOptions } from './browser.ts';
export { CHROMIUM_ARGS, CHROMIUM_PATH, launchBrowser, newContext } from './browser.ts';
export type { CollectOptions, PageProblems } from './pageErrors.ts';
export { collectPageProblems } from './pageErrors.ts';
export type { TestServer, TestServerOptions } from './testServer.ts';
export { CLIENT_DIST_DIR, startTestServer } from './testServer.ts';
export type { WaitForOptions } from './waitFor.ts';
export { waitFor } from './waitFor.ts';
