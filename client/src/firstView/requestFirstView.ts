import { type FirstView, readFirstView } from '@costudio/shared';
import { fetchFirstViewJson, takeStartedRequest } from './firstViewRequests.ts';

/**
 * The board's first view: the request the page started as it loaded (early.ts), else a new one.
 * Null when there is none to show; the board then opens from its document, as it always did.
 */
export async function takeFirstView(boardId: string): Promise<FirstView | null> {
  const json = await (takeStartedRequest(boardId) ?? fetchFirstViewJson(boardId));
  return json === null ? null : readFirstView(json);
}
