import { translator } from '@costudio/shared';
import { describe, expect, it } from 'vitest';
import { peopleCount } from './peopleCount.ts';

describe('who is here, on the projector', () => {
  it('says one person in the singular and others in the plural', () => {
    const en = translator('en');
    expect(peopleCount('lay', 1, en)).toBe('1 lay participant');
    expect(peopleCount('lay', 4, en)).toBe('4 lay participants');
    expect(peopleCount('practitioner', 0, en)).toBe('0 practitioners');
    expect(peopleCount('practitioner', 1, en)).toBe('1 practitioner');
  });

  it('counts in Welsh on a Welsh room screen', () => {
    const cy = translator('cy');
    expect(peopleCount('lay', 1, cy)).toBe('1 cyfranogwr lleyg');
    expect(peopleCount('practitioner', 3, cy)).toBe('3 ymarferydd');
  });
});
