import { describe, expect, it } from 'vitest';
import type { RelayFigures } from '../relayBench.ts';
import type { FanoutResult } from '../scenarios/fanout.ts';
import { capacityRatio, type IdleMemoryResult } from '../scenarios/idleMemory.ts';
import { isSettled, targetRows, verdict } from './relayTargets.ts';
import { formatSpread, spread } from './spread.ts';

const MIB = 2 ** 20;

function fanout(p50Ms: number, p99Ms: number, receipts = 90): FanoutResult {
  return {
    rooms: 1,
    clientsPerRoom: 10,
    updatesSent: 10,
    expectedReceipts: 90,
    receipts,
    p50Ms,
    p99Ms,
    maxMs: p99Ms,
    loadGeneratorDelayP99Ms: 1,
    serverCpuUsPerUpdate: 100,
    persist: null,
  };
}

function idle(instances: number, beforeMiB: number, afterMiB: number, connections = 1000): IdleMemoryResult {
  const sample = (mib: number) => ({ rss: mib * MIB, heapUsed: 0, external: 0 });
  return {
    connections,
    instances,
    rooms: 1,
    allSyncedMs: 1,
    before: Array.from({ length: instances }, () => sample(beforeMiB)),
    after: Array.from({ length: instances }, () => sample(afterMiB)),
    rssPerConnection: ((afterMiB - beforeMiB) * MIB) / connections,
    heapPerConnection: 0,
  };
}

const empty: RelayFigures = { rounds: 3, fanout: {}, memory: {}, join: {}, compat: {}, errors: [] };

describe('spread', () => {
  it('gives median and range of the finite values only', () => {
    expect(spread([3, Number.NaN, 1, null, 2])).toMatchObject({ median: 2, min: 1, max: 3, n: 3 });
    expect(spread([Number.NaN])).toBeNull();
    expect(formatSpread(spread([1, 2, 3]), 1, '×')).toBe('2.0× [1.0×–3.0×]');
    expect(formatSpread(spread([1.5]), 2)).toBe('1.50');
  });
});

describe('targetRows', () => {
  it('takes each ratio within a round, never across rounds', () => {
    const rows = targetRows({
      ...empty,
      fanout: {
        rooms: {
          reference: [fanout(1, 10), fanout(2, 20), null],
          costudio: [fanout(0.5, 5), fanout(3, 30), fanout(9, 90)],
        },
      },
    });
    const p50 = rows.find((r) => r.figure.startsWith('fan-out p50, 20 rooms'));
    // Round 1: 0.5, round 2: 1.5; round 3 has no reference and gives no ratio.
    expect(p50?.ratio?.values).toEqual([0.5, 1.5]);
    expect(p50?.ratio?.median).toBe(1);
    expect(p50 && verdict(p50)).toBe('MISSED (1/2 rounds)');
  });

  it('misses a target when updates were lost, whatever the latency', () => {
    const rows = targetRows({
      ...empty,
      fanout: { rooms: { reference: [fanout(1, 10)], costudio: [fanout(0.1, 1, 80)] } },
    });
    const p99 = rows.find((r) => r.figure.startsWith('fan-out p99, 20 rooms'));
    expect(p99 && verdict(p99)).toBe('MISSED (10 receipts missing)');
  });
});

describe('isSettled', () => {
  it('is true once every round falls on the same side of the target', () => {
    const row = (values: number[]) => ({ issue: '19', figure: 'x', ratio: spread(values), target: 1 });
    expect(isSettled(row([0.8, 0.9, 0.95]))).toBe(true);
    expect(isSettled(row([1.1, 1.3, 1.2]))).toBe(true);
    expect(isSettled(row([0.9, 1.1, 1.0]))).toBe(false);
    // Fewer than three rounds never settle a target.
    expect(isSettled(row([0.5, 0.6]))).toBe(false);
    expect(isSettled({ issue: '19', figure: 'no target', ratio: spread([0.5, 2]) })).toBe(true);
  });
});

describe('capacityRatio', () => {
  it('is 3 when each of three instances costs what one does', () => {
    expect(capacityRatio(idle(1, 100, 140), idle(3, 100, 140))).toBeCloseTo(3);
  });

  it('shrinks with a higher cost per connection or a higher starting RSS', () => {
    // Each instance costs twice as much per connection: 1.5 in all.
    expect(capacityRatio(idle(1, 100, 140), idle(3, 100, 180))).toBeCloseTo(1.5);
    // Starting 20 MiB higher leaves half the budget: 1.5 in all.
    expect(capacityRatio(idle(1, 100, 140), idle(3, 120, 160))).toBeCloseTo(1.5);
  });
});
