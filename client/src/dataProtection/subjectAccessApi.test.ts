import { describe, expect, it } from 'vitest';
import { subjectAccessPath } from './subjectAccessApi.ts';

describe('subjectAccessPath', () => {
  it('asks for the readable page in the reader’s language', () => {
    const url = new URL(subjectAccessPath('board-1', 'Siân & Co', 'cy'), 'http://x');
    expect(url.pathname).toBe('/api/boards/board-1/subject-access');
    expect(Object.fromEntries(url.searchParams)).toEqual({ author: 'Siân & Co', format: 'md', lang: 'cy' });
  });
});
