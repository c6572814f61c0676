import { isValidBoardId } from '@costudio/shared';

export type Route = { page: 'start' } | { page: 'board'; boardId: string } | { page: 'not-found' };

/** '/' is the start page, '/b/<boardId>' a board; anything else is not found. */
export function routeFromPath(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'start' };
  const match = /^\/b\/([^/]+)\/?$/.exec(pathname);
  if (match?.[1] !== undefined) {
    const boardId = decodeURIComponent(match[1]);
    if (isValidBoardId(boardId)) return { page: 'board', boardId };
  }
  return { page: 'not-found' };
}

export function boardPath(boardId: string): string {
  return `/b/${encodeURIComponent(boardId)}`;
}
