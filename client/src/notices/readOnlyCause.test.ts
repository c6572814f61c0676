import { describe, expect, it } from 'vitest';
import { readOnlyCauseOf } from './readOnlyCause.ts';

describe('readOnlyCauseOf', () => {
  it.each([
    [{ tooNew: false, access: 'edit', boardLocked: false }, null],
    [{ tooNew: false, access: 'view', boardLocked: false }, 'view-only'],
    [{ tooNew: false, access: 'edit', boardLocked: true }, 'locked'],
    [{ tooNew: false, access: 'facilitate', boardLocked: true }, null],
    [{ tooNew: false, access: 'view', boardLocked: true }, 'view-only'],
    [{ tooNew: true, access: 'view', boardLocked: true }, 'too-new'],
    [{ tooNew: true, access: 'edit', boardLocked: true, linkRefusal: 'switched-off' }, 'link-switched-off'],
    [{ tooNew: false, access: 'view', boardLocked: false, linkRefusal: 'expired' }, 'link-expired'],
  ] as const)('%o → %s', (facts, cause) => {
    expect(readOnlyCauseOf(facts)).toBe(cause);
  });
});
