/**
 * `pnpm bench` entry. Compares Costudio's relay with the reference y-websocket server in one
 * run, prints the table and writes bench/out/latest.json and the generated part of
 * bench/RESULTS.md. Options (after `pnpm bench --`): see --help.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CLIENT_DIST, runCanvasBench } from './canvas/canvasBench.ts';
import { canvasTable } from './canvas/canvasReport.ts';
import { describeMachine, formatMachine } from './lib/machine.ts';
import { summarizeProfiles } from './lib/profileSummary.ts';
import { compatTable, figuresTable } from './lib/relayReport.ts';
import { isSettled, targetRows, targetsTable } from './lib/relayTargets.ts';
import { updateResultsFile } from './lib/resultsFile.ts';
import { openFileLimit } from './lib/serverProcess.ts';
import { SETUP_IDS, type SetupId } from './lib/setups.ts';
import { runListBench } from './list/listBench.ts';
import { listTable } from './list/listReport.ts';
import {
  RELAY_SCENARIOS,
  type RelayBenchOptions,
  type RelayFigures,
  type RelayScenario,
  runRelayBench,
  setupsFor,
} from './relayBench.ts';

const HELP = `Usage: pnpm bench [-- options]

  --only <list>         relay scenarios to run: ${RELAY_SCENARIOS.join(',')} (default: all)
  --setups <list>       ${SETUP_IDS.join(',')}
                        (default: all; each scenario runs on those of them it applies to; --servers is the same)
  --rounds <n>          fan-out and idle-connection rounds, each running every setup once in
                        alternating order (default 3; medians and ranges are over rounds)
  --max-rounds <n>      fan-out goes on past --rounds, up to n rounds, until every target's
                        per-round ratios fall on one side of it (default: no extra rounds)
  --quick               short run for a smoke test (1 round, 3 s fan-out, 3 joins, 1,000 idle connections)
  --fanout-seconds <n>  measured seconds per fan-out shape, setup and round (default 5, after a 2 s warm-up)
  --joins <n>           timed joins per join figure (default 7)
  --connections <n>     idle connections per server instance for the memory figures (default 5000)
  --canvas              run the canvas benchmark (issue 3) instead of the relay one: headless
                        Chromium, frame times at 1,000/5,000/10,000 notes, first render, JS size
  --first-render-notes <n>  for --canvas: board size of the first-render figure (default 1000;
                        issue 12 asks for 10000)
  --canvas-sizes <list> for --canvas: board sizes of the frame figures (default 1000,5000,10000;
                        "none" to time only the first render)
  --list                run the list-view benchmark (issue 12) instead: typing into a note of the
                        lane list at 390×844, touch, CPU slowed 4× (also: pnpm --filter @costudio/bench bench:list)
  --list-sizes <list>   board sizes for --list (default 300,1000,5000)
  --keystrokes <n>      measured keystrokes per board for --list (default 60, after 5 warm-up keys)
  --compare <dir>       for --list: also measure this other build of the client (e.g. one built
                        from an older commit with 'vite build --outDir'), labelled "before", in the same run
  --dist <dir>          for --list: the build to measure instead of client/dist
  --cpu-prof            run server children with --cpu-prof; profiles in bench/out/profiles/
  --no-write            do not update bench/RESULTS.md (bench/out/latest.json is always written)
  --help                this text

A full run (no --only/--servers/--quick and default sizes) updates bench/RESULTS.md.`;

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const OUT_DIR = path.join(BENCH_DIR, 'out');

function parseList<T extends string>(value: string | undefined, allowed: readonly T[], name: string): readonly T[] {
  if (value === undefined) return allowed;
  const items = value.split(',').map((item) => item.trim());
  for (const item of items)
    if (!allowed.includes(item as T)) throw new Error(`--${name}: unknown "${item}" (expected ${allowed.join(', ')})`);
  return items as T[];
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`--${name} must be a positive number`);
  return number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== '--'),
    options: {
      only: { type: 'string' },
      setups: { type: 'string' },
      servers: { type: 'string' },
      rounds: { type: 'string' },
      'max-rounds': { type: 'string' },
      quick: { type: 'boolean', default: false },
      'fanout-seconds': { type: 'string' },
      joins: { type: 'string' },
      connections: { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      canvas: { type: 'boolean', default: false },
      list: { type: 'boolean', default: false },
      'first-render-notes': { type: 'string' },
      'canvas-sizes': { type: 'string' },
      'list-sizes': { type: 'string' },
      keystrokes: { type: 'string' },
      compare: { type: 'string' },
      dist: { type: 'string' },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const quick = values.quick;
  if (values.list) {
    await list({
      sizes: values['list-sizes'] ? values['list-sizes'].split(',').map((size) => positive(size, 0, 'list-sizes')) : null,
      keystrokes: Math.round(positive(values.keystrokes, quick ? 20 : 60, 'keystrokes')),
      compare: values.compare,
      dist: values.dist ? path.resolve(values.dist) : CLIENT_DIST,
      quick,
    });
    return;
  }
  if (values.canvas) {
    const sizes = values['canvas-sizes'];
    const custom = sizes !== undefined || values['first-render-notes'] !== undefined;
    await canvas(quick, !values['no-write'] && !custom, {
      boardSizes:
        sizes === undefined
          ? [1_000, 5_000, 10_000]
          : sizes === 'none'
            ? []
            : sizes.split(',').map((size) => Math.round(positive(size, 0, 'canvas-sizes'))),
      firstRenderNotes: Math.round(positive(values['first-render-notes'], 1_000, 'first-render-notes')),
    });
    return;
  }
  const options: RelayBenchOptions = {
    scenarios: parseList<RelayScenario>(values.only, RELAY_SCENARIOS, 'only'),
    setups: parseList<SetupId>(values.setups ?? values.servers, SETUP_IDS, 'setups'),
    rounds: Math.round(positive(values.rounds, quick ? 1 : 3, 'rounds')),
    maxFanoutRounds: Math.round(positive(values['max-rounds'], 0, 'max-rounds')),
    fanoutSettled: (figures) => targetRows(figures).every(isSettled),
    fanoutWarmupMs: quick ? 1_000 : 2_000,
    fanoutMeasureMs: positive(values['fanout-seconds'], quick ? 3 : 5, 'fanout-seconds') * 1000,
    joinNotes: 10_000,
    joinRepeats: Math.round(positive(values.joins, quick ? 3 : 7, 'joins')),
    idleConnections: Math.round(positive(values.connections, quick ? 1_000 : 5_000, 'connections')),
    idleRooms: 50,
    cpuProfileDir: values['cpu-prof']
      ? path.join(OUT_DIR, 'profiles', new Date().toISOString().replace(/[:.]/g, '-'))
      : undefined,
    log: (line) => console.log(line),
  };
  const fullRun =
    values.only === undefined &&
    values.servers === undefined &&
    values.setups === undefined &&
    (values.rounds === undefined || options.rounds >= 3) &&
    !quick &&
    values['fanout-seconds'] === undefined &&
    values.joins === undefined &&
    values.connections === undefined;

  // The load generator holds one socket per client; the servers raise their own limit.
  const instances = options.scenarios.includes('memory') && setupsFor('memory', options.setups).includes('costudio-3') ? 3 : 1;
  const needed = options.scenarios.includes('memory') ? (options.idleConnections + options.idleRooms) * instances + 100 : 500;
  if (openFileLimit() < needed) {
    throw new Error(
      `Open-file limit ${openFileLimit()} is below the ${needed} sockets needed; run \`ulimit -n ${needed * 2}\` first.`,
    );
  }

  const machine = describeMachine();
  console.log(`Machine: ${formatMachine(machine)}`);
  const startedAt = Date.now();
  const figures = await runRelayBench(options);
  const seconds = Math.round((Date.now() - startedAt) / 1000);
  const loadAtEnd = Math.round((os.loadavg()[0] ?? 0) * 100) / 100;
  const tables = relayTables(figures);
  console.log(`\n${tables}\n`);

  if (options.cpuProfileDir)
    console.log(`Hottest functions of the server children (self time):\n${summarizeProfiles(options.cpuProfileDir)}\n`);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(
    path.join(OUT_DIR, 'latest.json'),
    `${JSON.stringify({ machine, seconds, loadAtEnd, options: { ...options, log: undefined }, figures }, null, 2)}\n`,
  );
  console.log(`Wrote bench/out/latest.json (${seconds} s).`);
  if (fullRun && !values['no-write']) {
    updateResultsFile(path.join(BENCH_DIR, 'RESULTS.md'), 'relay', relaySection(machine, seconds, loadAtEnd, tables));
    console.log('Updated bench/RESULTS.md.');
  }
}

async function canvas(
  quick: boolean,
  write: boolean,
  sizes: { boardSizes: readonly number[]; firstRenderNotes: number },
): Promise<void> {
  const machine = describeMachine();
  console.log(`Machine: ${formatMachine(machine)}`);
  const figures = await runCanvasBench({
    boardSizes: sizes.boardSizes,
    framesPerPhase: quick ? 30 : 120,
    firstRenderNotes: sizes.firstRenderNotes,
    firstRenderRepeats: quick ? 1 : 5,
    log: (line) => console.log(line),
  });
  const table = canvasTable(figures);
  console.log(`\n${table}\n`);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(path.join(OUT_DIR, 'canvas.json'), `${JSON.stringify({ machine, figures }, null, 2)}\n`);
  console.log('Wrote bench/out/canvas.json.');
  if (!quick && write) {
    const body = [
      '## Canvas: the built client in headless Chromium',
      '',
      `Machine: ${formatMachine(machine)}. Chromium ${figures.browserVersion}, viewport 1280×800, software rendering (--disable-gpu). Generated by \`pnpm bench -- --canvas\`; see bench/README.md.`,
      '',
      table,
    ].join('\n');
    updateResultsFile(path.join(BENCH_DIR, 'RESULTS.md'), 'canvas', body);
    console.log('Updated bench/RESULTS.md.');
  }
}

async function list(options: {
  sizes: number[] | null;
  keystrokes: number;
  compare?: string | undefined;
  dist: string;
  quick: boolean;
}): Promise<void> {
  const machine = describeMachine();
  console.log(`Machine: ${formatMachine(machine)}`);
  const figures = await runListBench({
    boardSizes: options.sizes ?? (options.quick ? [300, 1_000] : [300, 1_000, 5_000]),
    keystrokes: options.keystrokes,
    builds: [
      ...(options.compare ? [{ label: 'before', clientDir: path.resolve(options.compare) }] : []),
      { label: options.compare ? 'after' : 'this build', clientDir: options.dist },
    ],
    log: (line) => console.log(line),
  });
  const table = listTable(figures);
  console.log(`\n${table}\n`);
  console.log(
    `Load average at the end: ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(', ')}`,
  );
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(path.join(OUT_DIR, 'list.json'), `${JSON.stringify({ machine, figures }, null, 2)}\n`);
  console.log('Wrote bench/out/list.json.');
}

/** The figures, the targets with their ratios, the compatibility check and any failures, as Markdown. */
function relayTables(figures: RelayFigures): string {
  const parts: string[] = [];
  const section = (title: string, table: string) => {
    if (table) parts.push(...(parts.length > 0 ? [''] : []), title, '', table);
  };
  const rounds = `${figures.rounds === 1 ? '1 round' : `up to ${figures.rounds} rounds`}`;
  section(`### Figures (median [min–max] over ${rounds}; joins: median of their joins)`, figuresTable(figures));
  section('### Targets: ratios taken within each round of this run', targetsTable(targetRows(figures)));
  if (Object.keys(figures.compat).length > 0)
    section('### Compatibility: a `@y/websocket@4.0.0-3` provider (on `@y/y` 14)', compatTable(figures.compat));
  if (figures.errors.length > 0) section('Scenarios that failed:', figures.errors.map((line) => `- ${line}`).join('\n'));
  return parts.join('\n');
}

function relaySection(machine: ReturnType<typeof describeMachine>, seconds: number, loadAtEnd: number, tables: string): string {
  return [
    '## Relay: Costudio vs @y/websocket-server 0.1.1 and a bare ws forwarder',
    '',
    `Machine: ${formatMachine(machine)}. Load average at the end: ${loadAtEnd}. Whole run: ${seconds} s. Generated by \`pnpm bench\`; see bench/README.md for what each figure means.`,
    '',
    tables,
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
