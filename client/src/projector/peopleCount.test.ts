import { describe, expect, it } from 'vitest';
import { peopleCount } from './peopleCount.ts';

describe('who is here, on the projector', () => {
  it('says one person in the singular and others in the plural', () => {
    expect(peopleCount('lay', 1)).toBe('1 lay participant');
    expect(peopleCount('lay', 4)).toBe('4 lay participants');
    expect(peopleCount('practitioner', 0)).toBe('0 practitioners');
    expect(peopleCount('practitioner', 1)).toBe('1 practitioner');
  });
});
