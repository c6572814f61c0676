import { describe, expect, it } from 'vitest';
import { UpdateLog } from './UpdateLog.ts';

describe('UpdateLog', () => {
  it('tracks the applied row and counts rows and bytes since the snapshot', () => {
    const log = new UpdateLog({ maxUpdates: 3, maxBytes: 1_000 });
    log.startAt(10);
    log.append(11, 100);
    log.skip(12);
    log.append(13, 50);
    expect(log.appliedSeq).toBe(13);
    expect(log.count).toBe(2);
    expect(log.isOverLimit).toBe(false);
    log.append(14, 1);
    expect(log.isOverLimit).toBe(true);
  });

  it('never moves the applied row back', () => {
    const log = new UpdateLog({ maxUpdates: 100, maxBytes: 100 });
    log.append(7, 1);
    log.append(5, 1);
    expect(log.appliedSeq).toBe(7);
  });

  it.each([
    ['rows', { maxUpdates: 2, maxBytes: 1_000 }, [1, 1]],
    ['bytes', { maxUpdates: 100, maxBytes: 10 }, [4, 6]],
  ])('is over the limit by %s', (_, limits, sizes) => {
    const log = new UpdateLog(limits);
    sizes.forEach((bytes, i) => {
      log.append(i + 1, bytes);
    });
    expect(log.isOverLimit).toBe(true);
  });

  it('takes off only what a compaction covered, keeping rows committed meanwhile', () => {
    const log = new UpdateLog({ maxUpdates: 2, maxBytes: 1_000 });
    log.append(1, 10);
    log.append(2, 10);
    const mark = log.beginCompaction();
    expect(mark).toEqual({ throughSeq: 2, count: 2, bytes: 20 });
    expect(log.beginCompaction()).toBeNull();
    log.append(3, 10);
    log.compacted(mark as NonNullable<typeof mark>);
    expect(log.count).toBe(1);
    expect(log.isOverLimit).toBe(false);
    expect(log.beginCompaction()).toEqual({ throughSeq: 3, count: 1, bytes: 10 });
  });

  it('has nothing to compact when the log is empty', () => {
    expect(new UpdateLog({ maxUpdates: 1, maxBytes: 1 }).beginCompaction()).toBeNull();
  });

  it('waits a minute after a failed compaction before trying again', () => {
    const log = new UpdateLog({ maxUpdates: 1, maxBytes: 1_000 });
    log.append(1, 10);
    log.beginCompaction(1_000);
    log.compactionFailed(1_000);
    expect(log.beginCompaction(60_999)).toBeNull();
    expect(log.beginCompaction(61_000)).toEqual({ throughSeq: 1, count: 1, bytes: 10 });
  });
});
