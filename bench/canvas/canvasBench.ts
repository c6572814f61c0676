import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { delay } from '../lib/delay.ts';
import { ServerProcess } from '../lib/serverProcess.ts';
import { median, percentile } from '../lib/stats.ts';
import { seedBoard } from '../scenarios/join.ts';
import { type ClientSize, measureClientSize } from './clientSize.ts';
import { baselineScript, FIRST_RENDER_TIME, panAndZoomScript, RECORD_FIRST_RENDER } from './pageProbes.ts';

export const CLIENT_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client/dist');

/** Debian's Chromium with the flags every Costudio browser run uses (see docs in notes/common.md). */
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
};
const VIEWPORT = { width: 1280, height: 800 };

export interface CanvasBenchOptions {
  boardSizes: readonly number[];
  /** Frames per phase (pan, pan back, zoom out, zoom in). */
  framesPerPhase: number;
  firstRenderNotes: number;
  firstRenderRepeats: number;
  log: (line: string) => void;
}

export interface FrameFigures {
  notes: number;
  frames: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface CanvasFigures {
  /** The frame loop on an empty page (notes = 0): what the machine and browser allow. */
  baseline: FrameFigures;
  frames: FrameFigures[];
  firstRender: { notes: number; medianMs: number; samplesMs: number[] };
  clientSize: ClientSize;
  browserVersion: string;
}

/**
 * Canvas figures of the built client in headless Chromium, against Costudio's relay (child
 * process, temp DATA_DIR) serving client/dist: frame times while panning and zooming boards of
 * each size, and time to first render of a board.
 */
export async function runCanvasBench(options: CanvasBenchOptions): Promise<CanvasFigures> {
  if (!existsSync(path.join(CLIENT_DIST, 'index.html'))) {
    throw new Error('client/dist is missing: run `pnpm run build` (or `pnpm bench`, which builds first).');
  }
  const clientSize = measureClientSize(CLIENT_DIST);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'costudio-canvas-bench-'));
  const server = await ServerProcess.start('costudio', { dataDir });
  const browser = await chromium.launch(CHROMIUM);
  try {
    const boards = new Map<number, string>();
    for (const notes of new Set([...options.boardSizes, options.firstRenderNotes])) {
      const board = `canvas-${notes}`;
      options.log(`seeding a board of ${notes} notes…`);
      const seeder = await seedBoard(server, board, notes);
      await seeder.close();
      boards.set(notes, board);
    }

    const firstRender: number[] = [];
    for (let i = 0; i < options.firstRenderRepeats; i++) {
      firstRender.push(await timeFirstRender(browser, server, boards.get(options.firstRenderNotes) as string));
    }
    options.log(`first render of ${options.firstRenderNotes} notes: median ${median(firstRender).toFixed(0)} ms`);

    const baseline = frameFigures(0, await measureBaseline(browser, options.framesPerPhase * 4));
    options.log(`empty page: frame p50 ${baseline.p50Ms.toFixed(1)} ms, p95 ${baseline.p95Ms.toFixed(1)} ms`);
    const frames: FrameFigures[] = [];
    for (const notes of options.boardSizes) {
      const figures = frameFigures(
        notes,
        await measureFrames(browser, server, boards.get(notes) as string, options.framesPerPhase),
      );
      frames.push(figures);
      options.log(`${notes} notes: frame p50 ${figures.p50Ms.toFixed(1)} ms, p95 ${figures.p95Ms.toFixed(1)} ms`);
    }
    return {
      baseline,
      frames,
      firstRender: { notes: options.firstRenderNotes, medianMs: median(firstRender), samplesMs: firstRender },
      clientSize,
      browserVersion: browser.version(),
    };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A fresh browser profile that has already joined `board`, so the board opens without the join step. */
async function openBoard(browser: Browser, server: ServerProcess, board: string) {
  // The page probes are source text that Playwright evaluates in the page, which the app's
  // Content-Security-Policy (script-src 'self') would refuse; the bench measures drawing, not CSP.
  const context = await browser.newContext({ viewport: VIEWPORT, bypassCSP: true });
  await context.addInitScript(
    `localStorage.setItem('costudio.identity', ${JSON.stringify(JSON.stringify({ name: 'Bench', role: 'lay' }))});
     localStorage.setItem('costudio.joinedBoards', ${JSON.stringify(JSON.stringify([board]))});`,
  );
  await context.addInitScript(RECORD_FIRST_RENDER);
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${server.port}/b/${board}`);
  await page.waitForFunction(FIRST_RENDER_TIME, undefined, { timeout: 60_000 });
  return { context, page };
}

/** Milliseconds from navigation start until the first frame with notes drawn (fresh profile, cold cache). */
async function timeFirstRender(browser: Browser, server: ServerProcess, board: string): Promise<number> {
  const { context, page } = await openBoard(browser, server, board);
  try {
    return (await page.evaluate(FIRST_RENDER_TIME)) as number;
  } finally {
    await context.close();
  }
}

async function measureFrames(browser: Browser, server: ServerProcess, board: string, framesPerPhase: number): Promise<number[]> {
  const { context, page } = await openBoard(browser, server, board);
  try {
    // Let the board finish its first renders (sync, fonts, culling index) before measuring.
    await delay(1_000);
    return (await page.evaluate(panAndZoomScript(framesPerPhase))) as number[];
  } finally {
    await context.close();
  }
}

async function measureBaseline(browser: Browser, frames: number): Promise<number[]> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    return (await page.evaluate(baselineScript(frames))) as number[];
  } finally {
    await context.close();
  }
}

function frameFigures(notes: number, deltas: number[]): FrameFigures {
  return {
    notes,
    frames: deltas.length,
    p50Ms: percentile(deltas, 50),
    p95Ms: percentile(deltas, 95),
    maxMs: Math.max(...deltas),
  };
}
