import type { Rounds } from '../relayBench.ts';
import type { SetupId } from './setups.ts';
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
export function roundRatios<T>(
  rounds: Rounds<T>,
  top: SetupId,
  bottom: SetupId,
  pick: (r: T) => number | undefined,
): Spread | null {
  const a = rounds[top] ?? [];
  const b = rounds[bottom] ?? [];
  return spread(
    a.map((result, i) => {
      const other = b[i];
      return result && other ? ratio(pick(result), pick(other)) : Number.NaN;
    }),
  );
}
