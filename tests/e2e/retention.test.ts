import { describe, it } from 'vitest';
import { startBoardAs, useE2eEnvironment } from './support/index.ts';

describe('how long a board is kept', () => {
  const env = useE2eEnvironment();

  it('a facilitator shortens retention, is warned of the date, and keeps the board after all', async () => {
    const facilitator = await startBoardAs(env.browser, env.server.url, 'Short-lived', 'Fiona');
    const { page } = facilitator;
    // History & backups is in the Facilitate panel (issue 12's board-first layout).
    await page.getByRole('button', { name: 'Facilitate', exact: true }).click();
    await page.getByRole('button', { name: 'History & backups' }).click();
    const section = page.getByRole('region', { name: 'How long this board is kept' });
    await section.getByText('Kept until someone deletes it.').waitFor();
    await section.getByLabel('Delete after this many days unused').fill('3');
    await section.getByRole('button', { name: 'Set' }).click();
    await section
      .getByRole('alert')
      .getByText(/If nobody opens it, it will be deleted on/)
      .waitFor();
    await section.getByRole('button', { name: 'Keep this board' }).click();
    await section.getByText('Kept until someone deletes it.').waitFor();
  });
});
