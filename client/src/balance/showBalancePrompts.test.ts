import { describe, expect, it } from 'vitest';
import { showBalancePrompts } from './showBalancePrompts.ts';

describe('showBalancePrompts', () => {
  it('shows prompts to the facilitator only, and on a projector only when chosen', () => {
    expect(showBalancePrompts({ access: 'facilitate' })).toBe(true);
    expect(showBalancePrompts({ access: 'edit' })).toBe(false);
    expect(showBalancePrompts({ access: 'view' })).toBe(false);
    expect(showBalancePrompts({ access: 'view', projector: true })).toBe(false);
    expect(showBalancePrompts({ access: 'view', projector: true, promptsOnProjector: true })).toBe(true);
  });
});
