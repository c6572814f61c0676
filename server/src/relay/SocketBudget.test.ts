import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET_LIMITS, SocketBudget } from './SocketBudget.ts';

const limits = { messages: { burst: 10, perSecond: 5 }, bytes: { burst: 1000, perSecond: 100 } };

function spendAll(budget: SocketBudget, count: number, bytes: number, now: number): number {
  let accepted = 0;
  for (let i = 0; i < count; i++) if (budget.spend(bytes, now)) accepted++;
  return accepted;
}

describe('SocketBudget', () => {
  it('lets a burst through, then refuses until time refills it', () => {
    const budget = new SocketBudget(limits, 0);
    expect(spendAll(budget, 10, 1, 0)).toBe(10);
    expect(budget.spend(1, 0)).toBe(false);
    expect(spendAll(new SocketBudget(limits, 0), 20, 1, 0)).toBe(10);
  });

  it('refills at its rate, never above the burst', () => {
    const budget = new SocketBudget(limits, 0);
    spendAll(budget, 10, 1, 0);
    expect(spendAll(budget, 10, 1, 1000)).toBe(5);
    const rested = new SocketBudget(limits, 0);
    expect(spendAll(rested, 30, 1, 60_000)).toBe(10);
  });

  it('counts bytes apart from messages', () => {
    const budget = new SocketBudget(limits, 0);
    expect(budget.spend(600, 0)).toBe(true);
    expect(budget.spend(600, 0)).toBe(false);
    expect(budget.spend(1, 10_000)).toBe(true);
  });

  it('by default, takes a reconnect of several full frames and a fast typist for a minute', () => {
    const budget = new SocketBudget(DEFAULT_BUDGET_LIMITS, 0);
    expect(spendAll(budget, 4, 1024 * 1024, 0)).toBe(4);
    let now = 0;
    for (let i = 0; i < 60 * 40; i++) {
      now += 25;
      expect(budget.spend(200, now)).toBe(true);
    }
  });

  it('says how long until a message fits', () => {
    const budget = new SocketBudget(limits, 0);
    spendAll(budget, 10, 1, 0);
    expect(budget.msUntil(1, 0)).toBe(200);
    expect(budget.msUntil(1, 200)).toBe(0);
    expect(new SocketBudget(limits, 0).msUntil(1500, 0)).toBe(5000);
  });
});
