import type { IncomingMessage, ServerResponse } from 'node:http';
import { readMeta } from '@costudio/shared';
import { exportBoardFile } from '../boardFile/boardFile.ts';
import type { RoomAccess } from '../history/BoardHistory.ts';
import { checkFacilitatorAccess } from '../history/facilitatorAccess.ts';
import { type BoardCreatedHook, type BoardCreationLimit, countedIfMade, refuseOverLimit } from '../http/boardsApi.ts';
import { clientAddress } from '../http/clientAddress.ts';
import type { HttpRoute } from '../http/extraRoutes.ts';
import { sendError, sendJson } from '../http/jsonResponses.ts';
import { BodyError, readJsonBodyBytes } from '../http/readJsonBody.ts';
import type { Logger } from '../log.ts';
import type { Authorize } from '../relay/authorize.ts';
import type { BoardStore } from '../storage/BoardStore.ts';
import { importInWorker } from './importInWorker.ts';
import { storeUpdatesAsNewBoard } from './storedBoards.ts';

const EXPORT_PATH = /^\/api\/boards\/([A-Za-z0-9_-]{1,64})\/export\/?$/;
const IMPORT_PATH = /^\/api\/boards\/import\/?$/;
/**
 * A board of 10,000 notes exports to about 3 MB of JSON; this leaves room without inviting abuse.
 * Files are parsed and built in a worker thread (importInWorker.ts), one at a time.
 */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;

export interface BackupRoutesOptions {
  readonly rooms: RoomAccess;
  readonly store: BoardStore;
  readonly logger: Logger;
  readonly authorize?: Authorize;
  /** Adds fields to an import's answer: the new board's facilitator link, as for a created board. */
  readonly onBoardCreated?: BoardCreatedHook;
  /** An import creates a board, so it counts against the same per-address allowance. */
  readonly boardCreationLimit?: BoardCreationLimit;
}

/** GET /api/boards/<id>/export and POST /api/boards/import (docs/history.md, "Backups"). */
export function backupRoutes(options: BackupRoutesOptions): HttpRoute {
  return async (request, response, pathname) => {
    const exportMatch = EXPORT_PATH.exec(pathname);
    if (exportMatch) {
      await exportBoard(request, response, options, exportMatch[1] as string);
      return true;
    }
    if (IMPORT_PATH.test(pathname)) {
      await importBoard(request, response, options);
      return true;
    }
    return false;
  };
}

async function exportBoard(request: IncomingMessage, response: ServerResponse, options: BackupRoutesOptions, boardId: string) {
  if (request.method !== 'GET') {
    sendError(response, 405, 'method_not_allowed', 'Use GET to export a board', { allow: 'GET' });
    return;
  }
  if (!(await options.store.hasBoard(boardId))) {
    sendError(response, 404, 'board_not_found', 'There is no board with this id');
    return;
  }
  const access = await checkFacilitatorAccess(options.authorize, boardId, request);
  if (!access.allowed) {
    sendError(response, access.status, 'forbidden', access.message);
    return;
  }
  const room = await options.rooms.openRoom(boardId);
  await options.rooms.whenCommitted();
  const file = exportBoardFile(room.doc);
  sendJson(response, 200, file, { 'content-disposition': `attachment; filename="${exportFileName(readMeta(room.doc).title)}"` });
}

async function importBoard(request: IncomingMessage, response: ServerResponse, options: BackupRoutesOptions) {
  if (request.method !== 'POST') {
    sendError(response, 405, 'method_not_allowed', 'Use POST to import a board', { allow: 'POST' });
    return;
  }
  const limit = options.boardCreationLimit;
  const address = limit ? clientAddress(request, limit.trustProxy) : '';
  if (limit && refuseOverLimit(response, await limit.limiter.take(address))) return;
  const made = await countedIfMade(limit, address, async () => {
    let bytes: Buffer;
    try {
      bytes = await readJsonBodyBytes(request, MAX_IMPORT_BYTES);
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      sendError(response, error.status, error.code, error.message, error.status === 413 ? { connection: 'close' } : {});
      return null;
    }
    // Parsing and building take seconds for a large file: a worker does them, not the event loop.
    const imported = await importInWorker(bytes);
    if (!imported.ok) {
      sendError(response, 400, imported.code, imported.message);
      return null;
    }
    return { id: await storeUpdatesAsNewBoard(options.store, imported.updates), imported };
  });
  if (made === null) return;
  const { id, imported } = made;
  options.logger.info('board imported', { boardId: id, notes: imported.notes, skipped: imported.skipped.length });
  const path = `/b/${id}`;
  const extra = options.onBoardCreated ? await options.onBoardCreated(id) : {};
  sendJson(
    response,
    201,
    { ...extra, id, title: imported.title, path, notes: imported.notes, skipped: imported.skipped },
    { location: path },
  );
}

/** "Discharge planning.costudio.json": the title in characters any file system and HTTP header accept. */
export function exportFileName(title: string): string {
  const safe =
    title
      .replace(/[^A-Za-z0-9 _.-]+/g, '')
      .trim()
      .slice(0, 80) || 'board';
  return `${safe}.costudio.json`;
}
