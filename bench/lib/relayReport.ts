import { FANOUT_SHAPES, type FanoutShape, type JoinFigures, type RelayFigures, type Rounds } from '../relayBench.ts';
import type { CompatResult } from '../scenarios/compat.ts';
import type { FanoutResult } from '../scenarios/fanout.ts';
import { capacityRatio, type IdleMemoryResult } from '../scenarios/idleMemory.ts';
import { SETUP_IDS, SETUPS, type SetupId } from './setups.ts';
import { median, ratio } from './stats.ts';

/** Median and range of a figure over rounds. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  /** Rounds that produced the figure. */
  n: number;
  values: number[];
}

export function spread(values: ReadonlyArray<number | null | undefined>): Spread | null {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (finite.length === 0) return null;
  // Of an even count, the mean of the middle two: the nearest rank would favour the lower.
  const sorted = [...finite].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const mid = sorted.length % 2 === 1 ? median(sorted) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { median: mid, min: sorted[0] as number, max: sorted[sorted.length - 1] as number, n: finite.length, values: finite };
}

/** "1.23 [1.10–1.40]" over several rounds, "1.23" for one, "–" for none. */
export function formatSpread(value: Spread | null, digits: number, unit = ''): string {
  if (!value) return '–';
  const f = (v: number) => `${v.toFixed(digits)}${unit}`;
  return value.n === 1 ? f(value.median) : `${f(value.median)} [${f(value.min)}–${f(value.max)}]`;
}

/** The per-round ratios of `pick` between two setups, taken only within rounds where both ran. */
function roundRatios<T>(rounds: Rounds<T>, top: SetupId, bottom: SetupId, pick: (r: T) => number | undefined): Spread | null {
  const a = rounds[top] ?? [];
  const b = rounds[bottom] ?? [];
  return spread(
    a.map((result, i) => {
      const other = b[i];
      return result && other ? ratio(pick(result), pick(other)) : Number.NaN;
    }),
  );
}

function perSetup<T>(rounds: Rounds<T> | undefined, pick: (r: T) => number | undefined): Partial<Record<SetupId, Spread | null>> {
  const cells: Partial<Record<SetupId, Spread | null>> = {};
  for (const id of SETUP_IDS) {
    const results = rounds?.[id];
    if (results) cells[id] = spread(results.map((r) => (r ? pick(r) : undefined)));
  }
  return cells;
}

/** A Markdown table (also readable as plain text in a terminal). */
export function markdownTable(header: readonly string[], cells: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (values: readonly string[]) => `| ${values.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/**
 * Every figure, one column per setup that ran, each "median [min–max]" over the rounds (the
 * joins are medians of their own repeated joins).
 */
export function figuresTable(figures: RelayFigures): string {
  const columns = SETUP_IDS.filter(
    (id) =>
      Object.values(figures.fanout).some((rounds) => rounds?.[id]) ||
      figures.memory[id] ||
      figures.join[id] ||
      figures.compat[id],
  );
  const rows: string[][] = [];
  const add = (figure: string, values: Partial<Record<SetupId, string>>) =>
    rows.push([figure, ...columns.map((id) => values[id] ?? '')]);
  const spreads = (figure: string, cells: Partial<Record<SetupId, Spread | null>>, digits: number) =>
    add(figure, Object.fromEntries(Object.entries(cells).map(([id, s]) => [id, formatSpread(s, digits)])));
  const each = <T>(rounds: Rounds<T> | undefined, text: (results: T[]) => string) => {
    const values: Partial<Record<SetupId, string>> = {};
    for (const id of columns) {
      const results = rounds?.[id]?.filter((r): r is T => r !== null);
      if (results && results.length > 0) values[id] = text(results);
    }
    return values;
  };
  for (const shape of Object.keys(FANOUT_SHAPES) as FanoutShape[]) {
    const rounds = figures.fanout[shape];
    if (!rounds) continue;
    const name = FANOUT_SHAPES[shape].name;
    spreads(
      `fan-out p50, ${name} (ms)`,
      perSetup(rounds, (r) => r.p50Ms),
      2,
    );
    spreads(
      `fan-out p99, ${name} (ms)`,
      perSetup(rounds, (r) => r.p99Ms),
      2,
    );
    const sum = (results: FanoutResult[], pick: (r: FanoutResult) => number) => results.reduce((t, r) => t + pick(r), 0);
    add(
      '  delivered / expected',
      each(rounds, (results) => `${sum(results, (r) => r.receipts)}/${sum(results, (r) => r.expectedReceipts)}`),
    );
    add(
      '  load generator event-loop delay p99, worst round (ms)',
      each(rounds, (results) => Math.max(...results.map((r) => r.loadGeneratorDelayP99Ms)).toFixed(1)),
    );
    add(
      '  commits over 10 ms / all',
      each(rounds, (results) =>
        results.every((r) => r.persist)
          ? `${sum(results, (r) => r.persist?.over10ms ?? 0)}/${sum(results, (r) => r.persist?.commits ?? 0)}`
          : 'RAM only',
      ),
    );
  }
  if (Object.keys(figures.memory).length > 0) {
    const sample = Object.values(figures.memory)
      .flat()
      .find((r) => r);
    const count = sample ? sample.connections.toLocaleString('en') : '?';
    spreads(
      `${count} idle connections per instance: all synced (s)`,
      perSetup(figures.memory, (r) => r.allSyncedMs / 1000),
      2,
    );
    spreads(
      'RSS per idle connection (KiB)',
      perSetup(figures.memory, (r) => r.rssPerConnection / 1024),
      2,
    );
    spreads(
      '  V8 heap per idle connection (KiB)',
      perSetup(figures.memory, (r) => r.heapPerConnection / 1024),
      2,
    );
    spreads(
      '  RSS per instance with them (MiB)',
      perSetup(figures.memory, (r) => meanRss(r) / 2 ** 20),
      1,
    );
  }
  const join = (figure: string, pick: (j: { warm?: JoinFigures; cold?: JoinFigures }) => number | undefined) => {
    const values: Partial<Record<SetupId, string>> = {};
    for (const id of columns) {
      const value = figures.join[id] && pick(figures.join[id]);
      if (value !== undefined) values[id] = value.toFixed(1);
    }
    if (Object.keys(values).length > 0) add(figure, values);
  };
  join('join 10k notes, warm, median (ms)', (j) => j.warm?.medianMs);
  join('  of which until state arrived (ms)', (j) => j.warm?.stateArrivedMedianMs);
  join('join 10k notes, cold, median (ms)', (j) => j.cold?.medianMs);
  join('  of which until state arrived (ms)', (j) => j.cold?.stateArrivedMedianMs);
  join('  of which loading from storage (ms)', (j) => j.cold?.serverLoadMedianMs);
  if (rows.length === 0) return '';
  return markdownTable(['figure', ...columns.map((id) => SETUPS[id].label)], rows);
}

function meanRss(result: IdleMemoryResult): number {
  return result.after.reduce((sum, s) => sum + s.rss, 0) / result.after.length;
}

export interface TargetRow {
  issue: string;
  figure: string;
  /** Per-round ratios (or one ratio, for the joins). */
  ratio: Spread | null;
  /** The ratio must be at most this (or at least, with `atLeast`). */
  target?: number;
  atLeast?: boolean;
  /** A reason the target is missed whatever the ratio (e.g. lost updates). */
  veto?: string;
}

/** The issues' targets, each a ratio taken within rounds of the same run. */
export function targetRows(figures: RelayFigures): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const shape of Object.keys(FANOUT_SHAPES) as FanoutShape[]) {
    const rounds = figures.fanout[shape];
    if (!rounds) continue;
    const name = FANOUT_SHAPES[shape].name;
    const p50 = (r: FanoutResult) => r.p50Ms;
    const p99 = (r: FanoutResult) => r.p99Ms;
    const fan = (issue: string, figure: string, top: SetupId, bottom: SetupId, pick: typeof p50, target?: number) =>
      rounds[top] &&
      rounds[bottom] &&
      rows.push({
        issue,
        figure: `${figure}, ${name}: ${SETUPS[top].label} ÷ ${SETUPS[bottom].label}`,
        ratio: roundRatios(rounds, top, bottom, pick),
        ...(target === undefined ? {} : { target }),
        ...lostUpdates(rounds, top),
      });
    fan('19', 'fan-out p50', 'costudio', 'reference', p50, 0.9);
    fan('19', 'fan-out p99', 'costudio', 'reference', p99, 1.0);
    fan('19', 'fan-out p50, power-loss durability', 'costudio-full', 'reference', p50, 1.2);
    fan('19', '  fan-out p99, power-loss durability', 'costudio-full', 'reference', p99);
    fan('19', '  fan-out p50 above the floor', 'costudio', 'floor', p50);
    fan('19', '  fan-out p50 above the floor', 'reference', 'floor', p50);
    fan('14', 'fan-out p99, every update committed to PostgreSQL', 'costudio-pg', 'reference', p99, 1.5);
    fan('14', 'cross-instance fan-out p99', 'costudio-3', 'costudio-pg', p99, 2.0);
    fan('14', '  cross-instance fan-out p50', 'costudio-3', 'costudio-pg', p50);
  }
  const memory = figures.memory;
  if (memory.costudio && memory.reference) {
    rows.push({
      issue: '19',
      figure: 'idle connections, time until all synced: Costudio SQLite ÷ reference',
      ratio: roundRatios(memory, 'costudio', 'reference', (r) => r.allSyncedMs),
      target: 1.0,
    });
    rows.push({
      issue: '19',
      figure: 'RSS per idle connection: Costudio SQLite ÷ reference',
      ratio: roundRatios(memory, 'costudio', 'reference', (r) => r.rssPerConnection),
      target: 0.8,
    });
  }
  const single = memory['costudio-pg'];
  if (single && memory['costudio-3']) {
    rows.push({
      issue: '14',
      figure: 'idle connections 3 instances hold ÷ 1 instance, at the RSS per instance of 1 (PostgreSQL)',
      ratio: spread(
        (memory['costudio-3'] ?? []).map((cluster, i) => {
          const one = single?.[i];
          return cluster && one ? capacityRatio(one, cluster) : Number.NaN;
        }),
      ),
      target: 2.5,
      atLeast: true,
    });
  }
  const cos = figures.join.costudio;
  const ref = figures.join.reference;
  if (cos || ref) {
    rows.push({
      issue: '2',
      figure: 'join 10k notes, warm: Costudio ÷ reference',
      ratio: spread([ratio(cos?.warm?.medianMs, ref?.warm?.medianMs)]),
      target: 1.0,
    });
    rows.push({
      issue: '2',
      figure: 'join 10k notes, cold ÷ warm (Costudio)',
      ratio: spread([ratio(cos?.cold?.medianMs, cos?.warm?.medianMs)]),
      target: 2.0,
    });
  }
  return rows;
}

function lostUpdates(rounds: Rounds<FanoutResult>, id: SetupId): { veto?: string } {
  const results = (rounds[id] ?? []).filter((r): r is FanoutResult => r !== null);
  const lost = results.reduce((sum, r) => sum + r.expectedReceipts - r.receipts, 0);
  return lost > 0 ? { veto: `${lost} receipts missing` } : {};
}

export function verdict(row: TargetRow): string {
  const target = row.target;
  if (target === undefined) return '';
  if (!row.ratio) return 'not measured';
  if (row.veto) return `MISSED (${row.veto})`;
  const meets = (v: number) => (row.atLeast ? v >= target : v <= target);
  const met = meets(row.ratio.median) ? 'met' : 'MISSED';
  const rounds = row.ratio.n > 1 ? ` (${row.ratio.values.filter(meets).length}/${row.ratio.n} rounds)` : '';
  return `${met}${rounds}`;
}

export function targetsTable(rows: readonly TargetRow[]): string {
  if (rows.length === 0) return '';
  return markdownTable(
    ['issue', 'ratio', 'median [range] over rounds', 'target', 'result'],
    rows.map((r) => [
      r.issue,
      r.figure,
      formatSpread(r.ratio, 2, '×'),
      r.target === undefined ? '' : `${r.atLeast ? '≥' : '≤'} ${r.target.toFixed(1)}×`,
      verdict(r),
    ]),
  );
}

/** The `@y/websocket@4.0.0-3` provider against each relay. */
export function compatTable(compat: Partial<Record<SetupId, CompatResult>>): string {
  const ms = (value: number | null, none: string) => (value === null ? none : `yes, ${value.toFixed(1)} ms`);
  const rows = (Object.entries(compat) as Array<[SetupId, CompatResult]>).map(([id, r]) => [
    SETUPS[id].label,
    ms(r.syncedMs, 'NO (never synced)'),
    r.syncEventsAfterEdit.length === 0
      ? 'none'
      : r.syncEventsAfterEdit.map((e) => `${e.synced ? 'synced' : 'unsynced'} at ${e.ms.toFixed(1)} ms`).join(', '),
    r.syncedAfterEdit ? 'synced' : 'NOT synced',
    ms(r.echoMs, 'no'),
    ms(r.seenByYjs13Ms, 'NO'),
  ]);
  return markdownTable(
    [
      'relay',
      'provider synced after connect',
      'sync events after a local edit',
      'provider once the edit settled',
      'relay echoed the edit to its writer',
      'a yjs 13 client got the edit',
    ],
    rows,
  );
}
