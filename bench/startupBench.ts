/**
 * Start-up time and idle memory of the server as operators run it: each way of starting it is a
 * fresh OS process, timed from spawn until it prints that it listens, then left idle and its RSS
 * read from /proc. Compares the compiled server (`pnpm start`), the same sources through the tsx
 * loader (`pnpm dev`, and what `pnpm start` ran before) and the reference relay's own bin.
 *
 *   pnpm run build && pnpm --filter @costudio/bench startup [--rounds N] [--no-write]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { delay } from './lib/delay.ts';
import { describeMachine, formatMachine } from './lib/machine.ts';
import { updateResultsFile } from './lib/resultsFile.ts';
import { readVmRss } from './lib/serverProcess.ts';
import { median } from './lib/stats.ts';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH_DIR);
const SERVER_DIR = path.join(ROOT, 'server');
const REFERENCE_BIN = createRequire(import.meta.url)
  .resolve('@y/websocket-server/package.json')
  .replace(/package\.json$/, 'src/server.js');
const TSX = createRequire(path.join(SERVER_DIR, 'package.json')).resolve('tsx');
const TSX_CLI = path.join(path.dirname(path.dirname(TSX)), 'dist/cli.mjs');
/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** Idle time after start-up before RSS is read: timers, lazy compilation and GC settle. */
const SETTLE_MS = 3_000;
const START_TIMEOUT_MS = 30_000;

interface Variant {
  name: string;
  args: string[];
  /** Printed once the server accepts connections. */
  ready: RegExp;
  /** The reference keeps documents in RAM and needs no data directory. */
  costudio: boolean;
}

const VARIANTS: Variant[] = [
  {
    name: 'Costudio compiled: `node --enable-source-maps server/dist/main.js` (pnpm start)',
    args: ['--enable-source-maps', path.join(SERVER_DIR, 'dist/main.js')],
    ready: /"msg":"listening"/,
    costudio: true,
  },
  {
    name: 'Costudio compiled, without source maps: `node server/dist/main.js`',
    args: [path.join(SERVER_DIR, 'dist/main.js')],
    ready: /"msg":"listening"/,
    costudio: true,
  },
  {
    name: 'Costudio through tsx: `node --import tsx server/src/main.ts` (pnpm dev)',
    args: ['--import', TSX, path.join(SERVER_DIR, 'src/main.ts')],
    ready: /"msg":"listening"/,
    costudio: true,
  },
  {
    name: 'Costudio through the tsx CLI: `tsx server/src/main.ts`, 2 processes (pnpm start before)',
    args: [TSX_CLI, path.join(SERVER_DIR, 'src/main.ts')],
    ready: /"msg":"listening"/,
    costudio: true,
  },
  {
    name: 'reference: `node @y/websocket-server/src/server.js` (its bin)',
    args: [REFERENCE_BIN],
    ready: /running at/,
    costudio: false,
  },
];

interface Sample {
  startMs: number;
  /** CPU time (user + system) the process tree used until it listened: less swayed by a busy machine. */
  startCpuMs: number;
  rssBytes: number;
}

async function measure(variant: Variant): Promise<Sample> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'costudio-startup-'));
  const started = performance.now();
  const child = spawn(process.execPath, variant.args, {
    cwd: SERVER_DIR,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const line = await readyLine(child, variant.ready);
    const startMs = performance.now() - started;
    const startCpuMs = sumOverTree(child.pid ?? -1, cpuMs);
    // The reference listens on PORT, which 0 makes a random port it never names: read it from /proc.
    const port = variant.costudio ? Number(/"port":(\d+)/.exec(line)?.[1]) : listeningPort(child.pid ?? -1);
    const response = await fetch(`http://127.0.0.1:${port}/${variant.costudio ? 'healthz' : ''}`);
    if (!response.ok) throw new Error(`${variant.name}: HTTP ${response.status}`);
    await response.arrayBuffer();
    await delay(SETTLE_MS);
    return { startMs, startCpuMs, rssBytes: sumOverTree(child.pid ?? -1, readVmRss) };
  } finally {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function readyLine(child: ChildProcess, ready: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`not ready within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => ready.test(l));
      if (line === undefined) return;
      clearTimeout(timer);
      resolve(line);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before it was ready:\n${output}`));
    });
  });
}

/** `measure` summed over a process and its descendants (the tsx CLI runs the server in a child). */
function sumOverTree(root: number, measure: (pid: number) => number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(statFields(Number(entry))[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // Exited meanwhile.
    }
  }
  let total = 0;
  const pending = [root];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    total += measure(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Fields of /proc/<pid>/stat after the command name: [state, ppid, …]; utime and stime are [11] and [12]. */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

function cpuMs(pid: number): number {
  const fields = statFields(pid);
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** The TCP port a process listens on, from /proc/net/tcp and its socket inodes. */
function listeningPort(pid: number): number {
  const inodes = new Set(
    readdirSync(`/proc/${pid}/fd`)
      .map((fd) => /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1])
      .filter((inode): inode is string => inode !== undefined),
  );
  for (const row of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const fields = row.trim().split(/\s+/);
    // st 0A = LISTEN; field 9 is the inode.
    if (fields[3] === '0A' && inodes.has(fields[9] ?? '')) return Number.parseInt(fields[1]?.split(':')[1] ?? '', 16);
  }
  throw new Error(`pid ${pid} listens on no IPv4 port`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

const rounds = Number(option('--rounds') ?? 7);
const machine = describeMachine();
const samples = new Map<Variant, Sample[]>(VARIANTS.map((variant) => [variant, []]));
// Rounds interleave the variants so that load from elsewhere on the machine hits them alike.
for (let round = 0; round < rounds; round++) {
  for (const variant of VARIANTS) {
    const sample = await measure(variant);
    samples.get(variant)?.push(sample);
    process.stdout.write(
      `round ${round + 1}/${rounds} ${variant.name}: ${sample.startMs.toFixed(0)} ms (${sample.startCpuMs} ms CPU), ${(sample.rssBytes / 2 ** 20).toFixed(1)} MiB\n`,
    );
  }
}

const reference = VARIANTS.at(-1) as Variant;
const medianOf = (variant: Variant, pick: (sample: Sample) => number) => median((samples.get(variant) ?? []).map(pick));
const referenceRss = medianOf(reference, (s) => s.rssBytes);
const rows = VARIANTS.map((variant) => {
  const startMs = medianOf(variant, (s) => s.startMs);
  const startCpuMs = medianOf(variant, (s) => s.startCpuMs);
  const rss = medianOf(variant, (s) => s.rssBytes);
  const ratio = variant === reference ? '1.00×' : `${(rss / referenceRss).toFixed(2)}×`;
  return `| ${variant.name} | ${startMs.toFixed(0)} | ${startCpuMs.toFixed(0)} | ${(rss / 2 ** 20).toFixed(1)} | ${ratio} |`;
});
const table = [
  '## Start-up time and idle memory',
  '',
  `Machine: ${formatMachine(machine)}. Median of ${rounds} starts each, interleaved; each a fresh process and a fresh DATA_DIR. Start-up: from spawn until the server prints that it listens, and the CPU time (user + system, 10 ms ticks) it used until then, which a busy machine sways less. Idle RSS: VmRSS ${SETTLE_MS / 1000} s after one HTTP request, no sockets open, no forced GC; summed over the process tree (the tsx CLI is two processes). Generated by \`pnpm --filter @costudio/bench startup\` (bench/startupBench.ts). Target: the server \`pnpm start\` runs at ≤ 1.2× the reference's idle RSS.`,
  '',
  '| server | start-up (ms) | CPU until listening (ms) | idle RSS (MiB) | RSS vs reference |',
  '| --- | --- | --- | --- | --- |',
  ...rows,
].join('\n');
process.stdout.write(`\n${table}\n`);
if (!process.argv.includes('--no-write')) updateResultsFile(path.join(BENCH_DIR, 'RESULTS.md'), 'startup', table);
