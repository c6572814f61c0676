import type { RelayFigures, ServerFigures } from '../relayBench.ts';
import type { FanoutResult } from '../scenarios/fanout.ts';
import { ratio } from './stats.ts';

export interface ReportRow {
  figure: string;
  reference: string;
  costudio: string;
  /** Costudio ÷ reference, or cold ÷ warm for the cold-join row. */
  ratio: number;
  /** Highest acceptable ratio, when the figure has a target. */
  target?: number;
}

/** The rows of the comparison table, in the order; absent figures show as "–". */
export function relayRows(figures: RelayFigures): ReportRow[] {
  const ref = figures.reference;
  const cos = figures.costudio;
  const rows: ReportRow[] = [];
  const fanout = (name: string, pick: (f: ServerFigures) => FanoutResult | undefined) => {
    const r = ref && pick(ref);
    const c = cos && pick(cos);
    rows.push(row(`fan-out p50 ${name} (ms)`, r?.p50Ms, c?.p50Ms, 2));
    rows.push({ ...row(`fan-out p99 ${name} (ms)`, r?.p99Ms, c?.p99Ms, 2), target: 1.0 });
    rows.push({
      figure: `  delivered / expected ${name}`,
      reference: r ? `${r.receipts}/${r.expectedReceipts}` : '–',
      costudio: c ? `${c.receipts}/${c.expectedReceipts}` : '–',
      ratio: Number.NaN,
    });
    rows.push(
      row(`  load generator event-loop delay p99 ${name} (ms)`, r?.loadGeneratorDelayP99Ms, c?.loadGeneratorDelayP99Ms, 1),
    );
    rows.push({
      figure: `  Costudio commits over 10 ms / all ${name}`,
      reference: 'n/a (RAM only)',
      costudio: c?.persist ? `${c.persist.over10ms}/${c.persist.commits} (${c.persist.totalMs.toFixed(0)} ms in all)` : '–',
      ratio: Number.NaN,
    });
  };
  fanout('20 rooms × 10', (f) => f.fanoutRooms);
  fanout('1 room × 100', (f) => f.fanoutCrowd);
  rows.push({ ...row('join 10k notes, warm, median (ms)', ref?.warmJoin?.medianMs, cos?.warmJoin?.medianMs, 1), target: 1.0 });
  rows.push(
    row('  of which until state arrived (ms)', ref?.warmJoin?.stateArrivedMedianMs, cos?.warmJoin?.stateArrivedMedianMs, 1),
  );
  rows.push({
    figure: 'join 10k notes, cold, median (ms)',
    reference: 'n/a (RAM only)',
    costudio: format(cos?.coldJoin?.medianMs, 1),
    ratio: ratio(cos?.coldJoin?.medianMs, cos?.warmJoin?.medianMs),
    target: 2.0,
  });
  rows.push({
    figure: '  of which until state arrived (ms)',
    reference: 'n/a',
    costudio: format(cos?.coldJoin?.stateArrivedMedianMs, 1),
    ratio: ratio(cos?.coldJoin?.stateArrivedMedianMs, cos?.warmJoin?.stateArrivedMedianMs),
  });
  rows.push({
    figure: '  of which loading from SQLite (ms)',
    reference: 'n/a',
    costudio: format(cos?.coldJoin?.serverLoadMedianMs, 1),
    ratio: Number.NaN,
  });
  const kib = (bytes: number | undefined) => (bytes === undefined ? undefined : bytes / 1024);
  rows.push({
    ...row('RSS per idle connection (KiB)', kib(ref?.idleMemory?.rssPerConnection), kib(cos?.idleMemory?.rssPerConnection), 1),
    target: 0.8,
  });
  rows.push(
    row(
      '  V8 heap per idle connection (KiB)',
      kib(ref?.idleMemory?.heapPerConnection),
      kib(cos?.idleMemory?.heapPerConnection),
      1,
    ),
  );
  return rows;
}

function row(figure: string, reference: number | undefined, costudio: number | undefined, digits: number): ReportRow {
  return { figure, reference: format(reference, digits), costudio: format(costudio, digits), ratio: ratio(costudio, reference) };
}

function format(value: number | undefined, digits: number): string {
  return value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}

export function verdict(row: ReportRow): string {
  if (row.target === undefined) return '';
  if (!Number.isFinite(row.ratio)) return 'not measured';
  return row.ratio <= row.target ? 'met' : 'MISSED';
}

/** A Markdown table (also readable as plain text in a terminal). */
export function markdownTable(rows: readonly ReportRow[]): string {
  const header = ['figure', 'reference', 'Costudio', 'ratio', 'target', 'result'];
  const cells = rows.map((r) => [
    r.figure,
    r.reference,
    r.costudio,
    Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}×` : '',
    r.target === undefined ? '' : `≤ ${r.target.toFixed(1)}×`,
    verdict(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (values: readonly string[]) => `| ${values.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** Scenario failures, one line each, so a missing figure is never silent. */
export function errorLines(figures: RelayFigures): string[] {
  return Object.entries(figures).flatMap(([kind, f]) =>
    Object.entries(f?.errors ?? {}).map(([scenario, message]) => `- ${kind} / ${scenario}: ${message.split('\n')[0]}`),
  );
}
