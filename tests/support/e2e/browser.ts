import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser build (see scripts/ensure-chromium.mjs). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Flags that keep headless Chromium quiet and small on a 2-core CI box running as root:
 * no sandbox (root), no GPU, no /dev/shm (small in containers), no network chatter.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Launches headless Debian Chromium. Close it in `afterAll`. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing. Run \`node scripts/ensure-chromium.mjs\` (or apt-get install chromium).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], headless: true });
}

export interface ContextOptions {
  viewport?: { width: number; height: number };
  isMobile?: boolean;
  hasTouch?: boolean;
  /** Defaults to 1; tests that compare screenshot pixels rely on it. */
  deviceScaleFactor?: number;
}

/** A phone held upright: 390 × 844 CSS px, touch. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
/** A laptop: the default 1280 × 800. */
export const DESKTOP = { viewport: { width: 1280, height: 800 } };

/**
 * A fresh, isolated browser profile (its own localStorage and IndexedDB), so two contexts
 * behave like two people on two laptops.
 */
export async function newContext(browser: Browser, options: ContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    isMobile: options.isMobile ?? false,
    hasTouch: options.hasTouch ?? false,
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    locale: 'en-GB',
    reducedMotion: 'reduce',
  });
}
