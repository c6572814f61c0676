import { Worker } from 'node:worker_threads';

/**
 * What a worker made of an uploaded board file: the board as a few updates, each small enough
 * for storage to write without holding up the event loop (the first stands as the snapshot).
 */
export type ImportOutcome =
  | {
      readonly ok: true;
      readonly updates: readonly Uint8Array[];
      readonly title: string;
      readonly notes: number;
      readonly skipped: readonly string[];
    }
  | { readonly ok: false; readonly code: 'invalid_json' | 'invalid_board_file'; readonly message: string };

/** Notes per transaction while building, so no one update holds more than about this many. */
export const IMPORT_NOTES_PER_UPDATE = 500;
/** Consecutive updates are merged up to this size: a stored row a few milliseconds to write. */
export const IMPORT_UPDATE_BYTES = 512 * 1024;

/** Imports built at once; more wait their turn, so imports share at most this many cores. */
const MAX_CONCURRENT_IMPORTS = 1;
/** A 16 MiB file builds a board of a few hundred MiB; a worker that needs more is stopped. */
const WORKER_HEAP_MB = 1024;

// Beside this module: importWorker.ts under tsx or Node's type stripping, importWorker.js in
// server/dist, where build.mjs bundles it as its own entry point next to main.js.
const WORKER_URL = new URL(`./importWorker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);

let running = 0;
const waiting: (() => void)[] = [];

/**
 * Parses and builds an uploaded board file in a worker thread, so the event loop keeps serving
 * every board meanwhile. Resolves with the board's snapshot or why the file was refused; rejects
 * if the worker failed (e.g. ran out of its heap).
 */
export async function importInWorker(bytes: Buffer): Promise<ImportOutcome> {
  if (running >= MAX_CONCURRENT_IMPORTS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await runWorker(bytes);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function runWorker(bytes: Buffer): Promise<ImportOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    let settled = false;
    worker.once('message', (outcome: ImportOutcome) => {
      settled = true;
      resolve(outcome);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the import worker exited with code ${code}`));
    });
    // A copy the worker owns: the request's Buffer may be a slice of Node's shared pool.
    const copy = new Uint8Array(bytes);
    worker.postMessage(copy, [copy.buffer]);
  });
}
