import { describe, expect, it } from 'vitest';
import { createBoard, openParticipant, useE2eEnvironment } from './support/index.ts';

describe('privacy notice at join', () => {
  const env = useE2eEnvironment({
    privacyNotice: { text: 'Ward 7 NHS Trust controls this data.\n\nQuestions: dpo@example.nhs.uk', mode: 'extend' },
  });

  it('tells a person what happens to what they write before the first note, with the operator’s words', async () => {
    const board = await createBoard(env.server, 'Notice board');
    const visitor = await openParticipant(env.browser);
    await visitor.page.goto(board.url);
    const notice = visitor.page.getByRole('region', { name: 'What happens to what you write' });
    await notice.waitFor();
    await notice.getByText('Questions: dpo@example.nhs.uk').waitFor();
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('unless you post anonymously');
    expect(text).toContain('until the board is deleted');
    expect(text).toContain('Ward 7 NHS Trust controls this data.');
    // Shown before joining: the join form is on the same page.
    expect(await visitor.page.getByRole('button', { name: 'Join the board' }).isVisible()).toBe(true);
    const api = (await (await fetch(`${env.server.url}/api/privacy-notice`)).json()) as { mode: string };
    expect(api.mode).toBe('extend');
  });
});
