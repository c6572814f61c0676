import { describe, expect, it } from 'vitest';
import { boardPath, routeFromPath } from './route.ts';

describe('routeFromPath', () => {
  it.each([
    ['/', { page: 'start' }],
    ['/b/abc_123-X', { page: 'board', boardId: 'abc_123-X' }],
    ['/b/abc/', { page: 'board', boardId: 'abc' }],
    ['/b/', { page: 'not-found' }],
    ['/b/bad%20id', { page: 'not-found' }],
    ['/elsewhere', { page: 'not-found' }],
  ])('%s', (path, route) => {
    expect(routeFromPath(path)).toEqual(route);
  });

  it('round-trips boardPath', () => {
    expect(routeFromPath(boardPath('k9_Z'))).toEqual({ page: 'board', boardId: 'k9_Z' });
  });
});
