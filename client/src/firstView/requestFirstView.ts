import { type FirstView, readFirstView } from '@costudio/shared';
import { fetchFirstViewJson, takeStartedRequest } from './firstViewRequests.ts';

/**
 * The board's first view: the request the page started as it loaded (early.ts), else a new one.
 * Null when there is none to show; the board then opens from its document, as it always did.
 * Given at once, not as a promise, when the started request has already been answered, so the
 * board's first render can hold it (issue 12: no render without it, then a second with it).
 */
export function takeFirstView(boardId: string): FirstView | null | Promise<FirstView | null> {
  const request = takeStartedRequest(boardId);
  if (request?.answered) return read(request.answer);
  return (request?.json ?? fetchFirstViewJson(boardId)).then(read);
}

function read(json: unknown): FirstView | null {
  return json === null ? null : readFirstView(json);
}
