import { FANOUT_SHAPES, type FanoutShape, type JoinFigures, type RelayFigures, type Rounds } from '../relayBench.ts';
import type { CompatResult } from '../scenarios/compat.ts';
import type { FanoutResult } from '../scenarios/fanout.ts';
import type { IdleMemoryResult } from '../scenarios/idleMemory.ts';
import { SETUP_IDS, SETUPS, type SetupId } from './setups.ts';
import { formatSpread, type Spread, spread } from './spread.ts';

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
    spreads(
      `  server main-thread CPU per update, ${name} (µs)`,
      perSetup(rounds, (r) => r.serverCpuUsPerUpdate),
      0,
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
