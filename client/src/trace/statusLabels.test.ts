import { describe, expect, it } from 'vitest';
import { showsStatus } from './statusLabels.ts';

describe('which notes show their status', () => {
  it('leaves it off a note that is only said, with nothing on it', () => {
    expect(showsStatus('said', 0, 0)).toBe(false);
  });

  it('shows it once a note has gone further, or has replies or links', () => {
    for (const status of ['answered', 'decided', 'being-done', 'measured'] as const) expect(showsStatus(status, 0, 0)).toBe(true);
    expect(showsStatus('said', 1, 0)).toBe(true);
    expect(showsStatus('said', 0, 1)).toBe(true);
  });
});
