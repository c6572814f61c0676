/**
 * Worker thread entry (node:worker_threads) of board imports: parses an uploaded board file and
 * builds the board, which for a 12 MiB file takes seconds of CPU that must not be the event
 * loop's (issue 13, item 3). Started by importInWorker.ts; bundled as its own entry point
 * (server/build.mjs).
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { BoardFileError, importBoardFile } from '../boardFile/importBoardFile.ts';
import { IMPORT_NOTES_PER_UPDATE, IMPORT_UPDATE_BYTES, type ImportOutcome } from './importInWorker.ts';

// On Linux a thread has its own nice value (setpriority on "this process" means this thread):
// where cores are scarce, the event loop's thread goes first and the import waits.
try {
  setPriority(19);
} catch {
  // Not permitted or not supported: the import runs at normal priority.
}

parentPort?.once('message', (bytes: Uint8Array) => {
  const outcome = importBytes(bytes);
  const transfer = outcome.ok ? outcome.updates.map((update) => update.buffer as ArrayBuffer) : [];
  parentPort?.postMessage(outcome, transfer);
});

function importBytes(bytes: Uint8Array): ImportOutcome {
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return { ok: false, code: 'invalid_json', message: 'This file is not a Costudio board export: it is not valid JSON.' };
  }
  const updates: Uint8Array[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = () => {
    if (pending.length > 0) updates.push(pending.length === 1 ? (pending[0] as Uint8Array) : Y.mergeUpdates(pending));
    pending = [];
    pendingBytes = 0;
  };
  try {
    const imported = importBoardFile(body, {
      notesPerTransaction: IMPORT_NOTES_PER_UPDATE,
      onUpdate: (update) => {
        if (pendingBytes + update.byteLength > IMPORT_UPDATE_BYTES) flush();
        pending.push(update);
        pendingBytes += update.byteLength;
      },
    });
    flush();
    imported.doc.destroy();
    // Each transferred on its own: an update may be a view on a larger buffer.
    const owned = updates.map((update) => update.slice());
    return { ok: true, updates: owned, title: imported.title, notes: imported.notes, skipped: imported.skipped };
  } catch (error) {
    if (error instanceof BoardFileError) return { ok: false, code: 'invalid_board_file', message: error.message };
    throw error;
  }
}
