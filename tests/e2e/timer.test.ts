import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { joinAs, startBoardAs, useE2eEnvironment, waitFor } from '../support/e2e/index.ts';

/** The facilitator's countdown in two browsers: the same time everywhere, after a reload too. */

const env = useE2eEnvironment();

async function remaining(page: Page): Promise<number> {
  const value = await page.getByTestId('timer-remaining').getAttribute('data-remaining-ms', { timeout: 10_000 });
  return Number(value);
}

/** Both pages' remaining times, read together. */
async function both(a: Page, b: Page): Promise<[number, number]> {
  return Promise.all([remaining(a), remaining(b)]);
}

describe('timer', () => {
  it('starts, pauses and resets for everyone, and survives a reload', async () => {
    const { page: facilitator } = await startBoardAs(env.browser, env.server.url, 'Timed board', 'Fay');
    const { page: participant } = await joinAs(env.browser, facilitator.url(), 'Pat', 'practitioner');
    expect(await participant.getByRole('button', { name: 'Start timer' }).count()).toBe(0);

    await facilitator.getByRole('button', { name: 'Facilitate', exact: true }).click();
    await facilitator.getByLabel('Minutes').fill('3');
    await facilitator.getByRole('button', { name: 'Start timer' }).click();
    await participant.getByTestId('timer-remaining').waitFor();
    const [f, p] = await both(facilitator, participant);
    expect(f).toBeGreaterThan(170_000);
    expect(f).toBeLessThanOrEqual(180_000);
    expect(Math.abs(f - p)).toBeLessThan(1_500);

    await participant.reload();
    await participant.getByTestId('timer-remaining').waitFor({ timeout: 15_000 });
    const [f2, p2] = await both(facilitator, participant);
    expect(Math.abs(f2 - p2)).toBeLessThan(1_500);
    expect(p2).toBeLessThan(180_000);

    await facilitator.getByRole('button', { name: 'Pause timer' }).click();
    await participant.getByRole('status').filter({ hasText: 'Paused' }).waitFor();
    const paused = await remaining(facilitator);
    await waitFor(async () => (await remaining(participant)) === paused, { message: 'the same paused time' });

    await facilitator.getByRole('button', { name: 'Reset timer' }).click();
    await waitFor(async () => (await remaining(participant)) === 180_000, { message: 'the reset to reach the participant' });
  });
});
