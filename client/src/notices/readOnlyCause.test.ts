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
  ] as const)('%o → %s', (facts, cause) => {
    expect(readOnlyCauseOf(facts)).toBe(cause);
  });
});
