import { readMeta } from '@costudio/shared';
import type { HttpRoute } from '../http/extraRoutes.ts';
import { sendError, sendJson } from '../http/jsonResponses.ts';
import { BodyError, readJsonBody } from '../http/readJsonBody.ts';
import type { Authorize } from '../relay/authorize.ts';
import type { BoardStore } from '../storage/BoardStore.ts';
import type { BoardDeletion } from './BoardDeletion.ts';
import { answeredUnknownBoard, refuseUnlessFacilitator } from './facilitatorOnly.ts';

const BOARD_PATH = /^\/api\/boards\/([A-Za-z0-9_-]{1,64})\/?$/;
const MAX_BODY_BYTES = 16 * 1024;

export interface DeletionRoutesOptions {
  readonly deletion: BoardDeletion;
  readonly store: BoardStore;
  /** The board's title, for the typed confirmation. */
  readonly titleOf: (boardId: string) => Promise<string>;
  readonly authorize?: Authorize | undefined;
}

/**
 * DELETE /api/boards/<id> {confirmTitle} (docs/privacy.md): a facilitator deletes the board,
 * typing its title to confirm. 200 {deleted: true}; 400 when the title does not match; 403 for
 * any link that does not facilitate this board; 404 for no such board; 410 when already deleted.
 */
export function deletionRoutes(options: DeletionRoutesOptions): HttpRoute {
  return async (request, response, pathname) => {
    const match = BOARD_PATH.exec(pathname);
    if (!match || request.method !== 'DELETE') return false;
    const boardId = match[1] as string;
    if (await options.store.isDeleted(boardId)) {
      sendError(response, 410, 'board_deleted', 'This board has already been deleted');
      return true;
    }
    if (await answeredUnknownBoard(options.store, boardId, response)) return true;
    const refusal = await refuseUnlessFacilitator(options.authorize, boardId, request, 'delete it');
    if (refusal) {
      sendError(response, refusal.status, 'forbidden', refusal.message);
      return true;
    }
    let body: unknown;
    try {
      body = await readJsonBody(request, MAX_BODY_BYTES);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      sendError(response, error.status, error.code, error.message);
      return true;
    }
    const typed = (body as { confirmTitle?: unknown } | null)?.confirmTitle;
    const title = await options.titleOf(boardId);
    if (typeof typed !== 'string' || comparable(typed) !== comparable(title)) {
      sendError(
        response,
        400,
        'confirmation_mismatch',
        'To delete this board, type its title exactly as it is shown. Nothing has been deleted.',
      );
      return true;
    }
    const result = await options.deletion.delete(boardId);
    sendJson(response, 200, { deleted: true, boardId, privateRooms: result.privateRooms });
    return true;
  };
}

/** Typing a title again should not fail on spacing, case or how an accent was composed. */
function comparable(title: string): string {
  return title.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/** The board's title read from its live room (the room has the latest committed title). */
export function titleFromRooms(rooms: { openRoom(boardId: string): Promise<{ readonly doc: Parameters<typeof readMeta>[0] }> }) {
  return async (boardId: string): Promise<string> => readMeta((await rooms.openRoom(boardId)).doc).title;
}
