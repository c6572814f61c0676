/**
 * Disk use of a data directory against the board it holds: the compiled server in its own
 * process, one client that makes a 200-note board and types 10,000 single characters into it
 * (each its own update, a few at a time, as people type) and leaves (which saves a version of the
 * board), then DATA_DIR's size while the server runs and idles, and again after it stopped on
 * SIGTERM, against the size of the boards' Yjs state
 * (`Y.encodeStateAsUpdate`). Issue 18 asks for both ratios ≤ 2.
 *
 *   pnpm run build && pnpm --filter @costudio/bench storage [--edits N] [--no-write]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNote, getNoteText } from '@costudio/shared';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { delay } from './lib/delay.ts';
import { describeMachine, formatMachine } from './lib/machine.ts';
import { updateResultsFile } from './lib/resultsFile.ts';
import { readVmRss } from './lib/serverProcess.ts';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const SERVER_DIR = path.join(path.dirname(BENCH_DIR), 'server');
const NOTES = 200;
const EDITS = Number(argValue('--edits') ?? 10_000);
/** Updates sent before yielding to the socket: a few people typing at once. */
const BURST = 5;
/** Idle time before the running figure: long enough for the periodic checkpoints to have run. */
const SETTLE_MS = 5_000;

function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

function dirSize(dir: string): { bytes: number; files: Record<string, number> } {
  const files: Record<string, number> = {};
  let bytes = 0;
  for (const name of readdirSync(dir)) {
    const size = statSync(path.join(dir, name)).size;
    files[name] = size;
    bytes += size;
  }
  return { bytes, files };
}

async function startServer(dataDir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--enable-source-maps', 'dist/main.js'], {
    cwd: SERVER_DIR,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, REQUIRE_LINKS: 'false' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    let pending = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = /"port":(\d+).*"msg":"listening"/.exec(line);
        if (match) resolve(Number(match[1]));
      }
    });
  });
  return { child, port };
}

async function committed(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return Number(/^costudio_updates_committed_total (\d+)/m.exec(text)?.[1] ?? 0);
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'costudio-storage-bench-'));
const { child, port } = await startServer(dataDir);
const doc = new Y.Doc();
const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, 'storage-bench', doc, {
  WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
});
await new Promise<void>((resolve) => provider.once('sync', () => resolve()));

let updates = 0;
doc.on('update', () => updates++);
const started = performance.now();
const ids: string[] = [];
for (let i = 0; i < NOTES; i++) {
  ids.push(createNote(doc, { lane: 'define', author: 'Bench', authorRole: 'lay', text: `Note ${i}` }));
  if (i % BURST === 0) await delay(1);
}
for (let i = 0; i < EDITS; i++) {
  const text = getNoteText(doc, ids[i % NOTES] as string);
  text?.insert(text.length, String.fromCharCode(97 + (i % 26)));
  if (i % BURST === 0) await delay(1);
}
while ((await committed(port)) < updates) await delay(100);
const typedMs = performance.now() - started;
const state = Y.encodeStateAsUpdate(doc).byteLength;
// The meeting ends: the last person leaves, which saves a version of the board (history).
provider.destroy();
await delay(SETTLE_MS);

const running = dirSize(dataDir);
const rss = readVmRss(child.pid ?? 0);
// The board unloads UNLOAD_DELAY_MS (default 30 s) after the last person left, compacting its log.
await delay(30_000 + SETTLE_MS);
const unloaded = dirSize(dataDir);
child.kill('SIGTERM');
await new Promise((resolve) => child.once('exit', resolve));
const stopped = dirSize(dataDir);
if (process.env.BENCH_KEEP_DATA) process.stdout.write(`kept ${dataDir}\n`);
else rmSync(dataDir, { recursive: true, force: true });

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const files = (sizes: Record<string, number>) =>
  Object.entries(sizes)
    .map(([name, size]) => `\`${name}\` ${kb(size)}`)
    .join(', ');
const table = [
  `${NOTES} notes, ${EDITS} single-character edits from one client (${updates} updates committed in ${(typedMs / 1000).toFixed(1)} s), compiled server, defaults; ${formatMachine(describeMachine())}.`,
  '',
  '| | DATA_DIR | ÷ Yjs state | files |',
  '|---|---:|---:|---|',
  `| Yjs state of the board | ${kb(state)} | 1.00 | |`,
  `| running, ${SETTLE_MS / 1000} s after the last person left (RSS ${(rss / 2 ** 20).toFixed(0)} MiB) | ${kb(running.bytes)} | ${(running.bytes / state).toFixed(2)} | ${files(running.files)} |`,
  `| running, the board unloaded (30 s later) | ${kb(unloaded.bytes)} | ${(unloaded.bytes / state).toFixed(2)} | ${files(unloaded.files)} |`,
  `| stopped (SIGTERM) | ${kb(stopped.bytes)} | ${(stopped.bytes / state).toFixed(2)} | ${files(stopped.files)} |`,
].join('\n');
process.stdout.write(`${table}\n`);
if (!process.argv.includes('--no-write')) updateResultsFile(path.join(BENCH_DIR, 'RESULTS.md'), 'storage', table);
process.exit(0);
