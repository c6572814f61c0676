import { CloseCode } from '@costudio/shared';
import { ObservableV2 } from 'lib0/observable';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { backOffOnServerTrouble } from './serverTroubleBackoff.ts';

/** The parts of a WebsocketProvider the backoff uses, driven by hand. */
class FakeProvider extends ObservableV2<{
  'connection-close': (event: CloseEvent | null) => void;
  status: (event: { status: string }) => void;
}> {
  doc = new Y.Doc();
  shouldConnect = true;
  connects: number[] = [];
  connect() {
    this.shouldConnect = true;
    this.connects.push(Date.now());
  }
  close(code: number) {
    this.emit('connection-close', [{ code } as CloseEvent]);
  }
  opened() {
    this.emit('status', [{ status: 'connected' }]);
  }
}

const timing = { baseMs: 1_000, maxMs: 8_000, healthyMs: 10_000, random: () => 0.5 };

describe('backOffOnServerTrouble', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  it('waits longer after each STORAGE_FAILED, with jitter, instead of reconnecting at once', () => {
    const provider = new FakeProvider();
    backOffOnServerTrouble(provider as unknown as WebsocketProvider, timing);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const closedAt = Date.now();
      provider.close(CloseCode.STORAGE_FAILED);
      expect(provider.shouldConnect).toBe(false);
      vi.advanceTimersByTime(60_000);
      waits.push((provider.connects.at(-1) as number) - closedAt);
      provider.opened();
    }
    // ¾ of 1 s, 2 s, 4 s, 8 s, 8 s, 8 s: never four reconnects a second.
    expect(waits).toEqual([750, 1500, 3000, 6000, 6000, 6000]);
  });

  it('draws each wait from the upper half of its step, so clients spread out', () => {
    const low = new FakeProvider();
    const high = new FakeProvider();
    backOffOnServerTrouble(low as unknown as WebsocketProvider, { ...timing, random: () => 0 });
    backOffOnServerTrouble(high as unknown as WebsocketProvider, { ...timing, random: () => 0.999 });
    low.close(CloseCode.STORAGE_FAILED);
    high.close(CloseCode.STORAGE_FAILED);
    vi.advanceTimersByTime(499);
    expect(low.connects).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(low.connects).toEqual([500]);
    vi.advanceTimersByTime(498);
    expect(high.connects).toEqual([]);
    vi.advanceTimersByTime(2);
    expect(high.connects).toHaveLength(1);
  });

  it('starts again from the base once a connection has stayed up, and leaves other closes to the provider', () => {
    const provider = new FakeProvider();
    backOffOnServerTrouble(provider as unknown as WebsocketProvider, timing);
    provider.close(CloseCode.RATE_LIMITED);
    vi.advanceTimersByTime(60_000);
    provider.close(CloseCode.RATE_LIMITED);
    vi.advanceTimersByTime(60_000);
    provider.opened();
    vi.advanceTimersByTime(10_000);
    const closedAt = Date.now();
    provider.close(CloseCode.LOAD_FAILED);
    vi.advanceTimersByTime(60_000);
    expect((provider.connects.at(-1) as number) - closedAt).toBe(750);

    const before = provider.connects.length;
    provider.close(CloseCode.GOING_AWAY);
    expect(provider.shouldConnect).toBe(true);
    vi.advanceTimersByTime(60_000);
    expect(provider.connects).toHaveLength(before);
  });

  it('does not reconnect a board that was left meanwhile', () => {
    const provider = new FakeProvider();
    backOffOnServerTrouble(provider as unknown as WebsocketProvider, timing);
    provider.close(CloseCode.STORAGE_FAILED);
    provider.doc.destroy();
    vi.advanceTimersByTime(60_000);
    expect(provider.connects).toEqual([]);
  });
});
