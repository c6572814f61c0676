import { FANOUT_SHAPES, type FanoutShape, type RelayFigures, type Rounds } from '../relayBench.ts';
import type { FanoutResult } from '../scenarios/fanout.ts';
import { capacityRatio } from '../scenarios/idleMemory.ts';
import { markdownTable } from './relayReport.ts';
import { SETUPS, type SetupId } from './setups.ts';
import { formatSpread, roundRatios, type Spread, spread } from './spread.ts';
import { ratio } from './stats.ts';

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

/** Rounds a verdict needs before its spread can count as known (issue 19: at least three runs). */
const MIN_SETTLED_ROUNDS = 3;

/**
 * Whether at least three rounds gave the row a ratio and all fall on the same side of its
 * target (true for rows without one).
 */
export function isSettled(row: TargetRow): boolean {
  const target = row.target;
  if (target === undefined || row.veto) return true;
  if (!row.ratio || row.ratio.n < MIN_SETTLED_ROUNDS) return false;
  const meets = (v: number) => (row.atLeast ? v >= target : v <= target);
  return row.ratio.values.every(meets) || !row.ratio.values.some(meets);
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
