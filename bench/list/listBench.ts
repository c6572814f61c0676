import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM } from '../canvas/canvasBench.ts';
import { delay } from '../lib/delay.ts';
import { ServerProcess } from '../lib/serverProcess.ts';
import { percentile } from '../lib/stats.ts';
import { seedBoard } from '../scenarios/join.ts';
import { CARET_TO_END, KEYSTROKE_SAMPLES, keystrokesRecorded, LIST_NOTE_COUNT, RECORD_KEYSTROKES } from './listProbes.ts';

/** A mid-range phone, as the issue puts it: 390 × 844 CSS px, touch, the CPU slowed 4× through CDP. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
export const CPU_SLOWDOWN = 4;
/** Roughly how fast a person types on a phone; also lets effects after a keystroke finish. */
const GAP_BETWEEN_KEYS_MS = 150;
const WARM_UP_KEYS = 5;

export interface ListBenchOptions {
  boardSizes: readonly number[];
  keystrokes: number;
  /** Builds of the client to measure, each served by its own relay, e.g. { after: client/dist }. */
  builds: readonly { label: string; clientDir: string }[];
  log: (line: string) => void;
}

export interface KeystrokeFigures {
  build: string;
  notes: number;
  keystrokes: number;
  /** keydown → first animation frame after the input (ms). */
  frameP50Ms: number;
  frameP95Ms: number;
  /** keydown → after that frame was laid out and painted (ms). */
  paintedP50Ms: number;
  paintedP95Ms: number;
  paintedMaxMs: number;
  /** Unthrottled: navigation until the list shows every note (ms). */
  listReadyMs: number;
}

export interface ListFigures {
  results: KeystrokeFigures[];
  browserVersion: string;
}

/**
 * Typing into one note of the lane list, the phone's default view, on boards of each size:
 * for every build, a relay (child process, temp DATA_DIR) serves it and holds the seeded
 * boards; Chromium opens each board at 390 × 844 with touch, waits for the list, slows the CPU
 * and types into the first note, one key at a time.
 */
export async function runListBench(options: ListBenchOptions): Promise<ListFigures> {
  const servers: { label: string; server: ServerProcess; dataDir: string }[] = [];
  const browser = await chromium.launch(CHROMIUM);
  try {
    for (const build of options.builds) {
      if (!existsSync(path.join(build.clientDir, 'index.html'))) {
        throw new Error(`${build.clientDir} has no index.html: run \`pnpm run build\` first.`);
      }
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'costudio-list-bench-'));
      const server = await ServerProcess.start('costudio', { dataDir, clientDir: build.clientDir });
      servers.push({ label: build.label, server, dataDir });
      for (const notes of options.boardSizes) {
        options.log(`${build.label}: seeding a board of ${notes} notes…`);
        const seeder = await seedBoard(server, `list-${notes}`, notes);
        await seeder.close();
      }
    }
    const results: KeystrokeFigures[] = [];
    for (const notes of options.boardSizes) {
      for (const { label, server } of servers) {
        const figures = await measureTyping(browser, server, `list-${notes}`, notes, options.keystrokes);
        const result = { build: label, ...figures };
        results.push(result);
        options.log(
          `${label}, ${notes} notes: keystroke → next frame p50 ${result.frameP50Ms.toFixed(0)} ms, p95 ${result.frameP95Ms.toFixed(0)} ms; ` +
            `→ painted p50 ${result.paintedP50Ms.toFixed(0)} ms, p95 ${result.paintedP95Ms.toFixed(0)} ms (load ${os.loadavg()[0]?.toFixed(2)})`,
        );
      }
    }
    return { results, browserVersion: browser.version() };
  } finally {
    await browser.close();
    for (const { server, dataDir } of servers) {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

async function measureTyping(
  browser: Browser,
  server: ServerProcess,
  board: string,
  notes: number,
  keystrokes: number,
): Promise<Omit<KeystrokeFigures, 'build'>> {
  // bypassCSP: the probes are evaluated source text, which script-src 'self' would refuse.
  const context = await browser.newContext({ ...PHONE, bypassCSP: true });
  try {
    await context.addInitScript(
      `localStorage.setItem('costudio.identity', ${JSON.stringify(JSON.stringify({ name: 'Bench', role: 'lay' }))});
       localStorage.setItem('costudio.joinedBoards', ${JSON.stringify(JSON.stringify([board]))});`,
    );
    await context.addInitScript(RECORD_KEYSTROKES);
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/b/${board}`);
    await page.waitForFunction(`${LIST_NOTE_COUNT} >= ${notes}`, undefined, { timeout: 180_000, polling: 100 });
    const listReadyMs = (await page.evaluate('performance.now()')) as number;
    // Let the first renders, fonts and the sync status settle before slowing the CPU.
    await delay(1_000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.locator('textarea.lane-note__text').first().focus();
    await page.evaluate(CARET_TO_END);
    const keys = 'abcdefghij klmnopqrst uvwxyz';
    const total = WARM_UP_KEYS + keystrokes;
    for (let i = 0; i < total; i++) {
      await page.keyboard.type(keys[i % keys.length] as string);
      await page.evaluate(keystrokesRecorded(i + 1));
      await delay(GAP_BETWEEN_KEYS_MS);
    }
    const samples = ((await page.evaluate(KEYSTROKE_SAMPLES)) as { frame: number; painted: number }[]).slice(WARM_UP_KEYS);
    const frame = samples.map((sample) => sample.frame);
    const painted = samples.map((sample) => sample.painted);
    return {
      notes,
      keystrokes: samples.length,
      frameP50Ms: percentile(frame, 50),
      frameP95Ms: percentile(frame, 95),
      paintedP50Ms: percentile(painted, 50),
      paintedP95Ms: percentile(painted, 95),
      paintedMaxMs: Math.max(...painted),
      listReadyMs,
    };
  } finally {
    await context.close();
  }
}
