import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { BoardStore } from '../storage/BoardStore.ts';
import { isStorageFull } from '../storage/storageFull.ts';
import { type BoardCreatedHook, type BoardCreationLimit, handleCreateBoard } from './boardsApi.ts';
import type { HttpRoute } from './extraRoutes.ts';
import { sendError, sendJson } from './jsonResponses.ts';
import { serveStatic } from './staticFiles.ts';

export interface HttpHandlerOptions {
  readonly store: BoardStore;
  readonly metrics: Metrics;
  readonly logger: Logger;
  readonly clientDir: string;
  readonly status: () => { rooms: number; connections: number };
  /** Further endpoints (history, backups, `/j/<code>`), tried in order before the 404 or the static client. */
  readonly routes?: readonly HttpRoute[];
  /** Adds fields to POST /api/boards answers (the facilitator link). */
  readonly onBoardCreated?: BoardCreatedHook;
  /** Caps POST /api/boards per client address; none when absent. */
  readonly boardCreationLimit?: BoardCreationLimit;
  /**
   * GET /readyz: resolves when the server can serve (storage reachable), rejects with the reason
   * when it cannot. Absent: always ready.
   */
  readonly ready?: () => Promise<void>;
}

// A join code is as good as the link it opens (until guessing limits bite): keep it out of logs.
const JOIN_CODE_PATH = /^\/j\/[^/]+/;

/** The request's path as logged: no query (share-link tokens), no join code. */
export function loggedPath(pathname: string): string {
  return pathname.replace(JOIN_CODE_PATH, '/j/[redacted]');
}

const STORAGE_FULL_MESSAGE =
  'The server has run out of storage space, so nothing was saved. Try again later, and tell whoever runs this server.';

/** Routes plain HTTP requests; WebSocket upgrades go to the Relay instead. */
export function createHttpHandler(options: HttpHandlerOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const { store, metrics, logger, clientDir } = options;
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const pathname = (request.url ?? '/').split('?', 1)[0] ?? '/';
    if (pathname === '/healthz') {
      sendJson(response, 200, { status: 'ok', ...options.status() });
    } else if (pathname === '/readyz') {
      await sendReadiness(response, options.ready);
    } else if (pathname === '/metrics') {
      const text = await metrics.render();
      response.writeHead(200, {
        'content-type': metrics.contentType,
        'content-length': Buffer.byteLength(text),
        'cache-control': 'no-store',
      });
      response.end(text);
    } else if (pathname === '/api/boards') {
      await handleCreateBoard(request, response, store, logger, options.onBoardCreated, options.boardCreationLimit);
    } else {
      for (const route of options.routes ?? []) if (await route(request, response, pathname)) return;
      if (pathname.startsWith('/api/')) sendError(response, 404, 'not_found', 'No such API endpoint');
      else await serveStatic(request, response, clientDir);
    }
  };
  return (request, response) => {
    const started = performance.now();
    // One access-log line per request, once its answer is sent (or the client went away).
    response.once('close', () => {
      const pathname = (request.url ?? '/').split('?', 1)[0] ?? '/';
      logger.info('request', {
        method: request.method,
        path: loggedPath(pathname),
        status: response.statusCode,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
        ...(response.writableFinished ? {} : { aborted: true }),
      });
    });
    handle(request, response).catch((error: unknown) => {
      const full = isStorageFull(error);
      logger.error(full ? 'request failed: storage is full' : 'request failed', {
        error,
        method: request.method,
        url: request.url,
      });
      if (response.headersSent) response.destroy();
      // RFC 4918 507 Insufficient Storage: nothing was saved, and it may work once there is room.
      else if (full) sendError(response, 507, 'storage_full', STORAGE_FULL_MESSAGE);
      else sendError(response, 500, 'internal_error', 'Something went wrong on the server');
    });
  };
}

async function sendReadiness(response: ServerResponse, ready: (() => Promise<void>) | undefined): Promise<void> {
  try {
    await ready?.();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    sendJson(response, 503, { status: 'unavailable', reason });
    return;
  }
  sendJson(response, 200, { status: 'ready' });
}
