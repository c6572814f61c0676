import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloseCode } from '@costudio/shared';
import { type BoardConnectionMeta, boardAuthorize } from './auth/boardAuthorize.ts';
import { joinRoutes } from './auth/joinRoutes.ts';
import type { LinkStore } from './auth/LinkStore.ts';
import { linkRoutes } from './auth/linkRoutes.ts';
import { setupShareLinks } from './auth/setupShareLinks.ts';
import { backupRoutes } from './backup/backupRoutes.ts';
import { DEFAULTS } from './config.ts';
import { BoardLocks } from './facilitation/BoardLocks.ts';
import { parseRoomId } from './facilitation/facilitationRoom.ts';
import { laneLockRule } from './facilitation/laneLockRule.ts';
import { ParticipantGuard } from './facilitation/ParticipantGuard.ts';
import { privateRoutes } from './facilitation/privateRoutes.ts';
import { voteRightsRule } from './facilitation/voteRightsRule.ts';
import { BoardHistory } from './history/BoardHistory.ts';
import { DEFAULT_HISTORY_INTERVAL_MS, HistoryRecorder } from './history/HistoryRecorder.ts';
import type { HistoryStore } from './history/HistoryStore.ts';
import { historyRoutes } from './history/historyRoutes.ts';
import { SqliteHistoryStore } from './history/SqliteHistoryStore.ts';
import { AddressRateLimiter, BOARD_CREATION_LIMITS, type RateLimits } from './http/AddressRateLimiter.ts';
import { createHttpHandler } from './http/createHttpHandler.ts';
import type { HttpRoute } from './http/extraRoutes.ts';
import { createLogger, type Logger, type LogLevel } from './log.ts';
import { Metrics } from './metrics.ts';
import type { Authorize } from './relay/authorize.ts';
import type { ConnectionInfo } from './relay/Connection.ts';
import { Relay } from './relay/Relay.ts';
import type { Fanout } from './scale/Fanout.ts';
import { LocalFanout } from './scale/LocalFanout.ts';
import type { BoardStore } from './storage/BoardStore.ts';
import { SqliteBoardStore, type SqliteSynchronous } from './storage/SqliteBoardStore.ts';

export interface StartServerOptions {
  /** TCP port; 0 picks a free one. Default 1234. */
  readonly port?: number;
  /** Interface to listen on. Default 127.0.0.1 (the CLI's HOST defaults to 0.0.0.0). */
  readonly host?: string;
  /** Directory of the SQLite database, unless `store` is given. Default ./data. */
  readonly dataDir?: string;
  /** Built client to serve. Default client/dist of this repository. */
  readonly clientDir?: string;
  /** How long a board stays loaded after its last client leaves. Default 30 000 ms. */
  readonly unloadDelayMs?: number;
  readonly logLevel?: LogLevel;
  /** Compact a board's update log once it holds this many rows (default 500)… */
  readonly compactMaxUpdates?: number;
  /** …or this many bytes (default 1 MiB). */
  readonly compactMaxBytes?: number;
  readonly sqliteSynchronous?: SqliteSynchronous;
  /**
   * Decides each connection's access, replacing share links. Default: share links
   * (docs/api.md), checked against `requireLinks`.
   */
  readonly authorize?: Authorize;
  /** true: every socket and API call needs a share link. Default false (the CLI defaults to true). */
  readonly requireLinks?: boolean;
  /** Key signing share links (hex or base64, 32+ bytes); default DATA_DIR/secret.key. */
  readonly secret?: string;
  /** Behind a reverse proxy: per-client limits read X-Forwarded-For. Default false. */
  readonly trustProxy?: boolean;
  /** Boards one client address may create per window. Default 60 an hour (BOARD_CREATION_LIMITS). */
  readonly boardCreationLimits?: RateLimits;
  /** Where link records live; default a `share_links` table in the board database. */
  readonly linkStore?: LinkStore;
  /** Storage; default a SqliteBoardStore in `dataDir`, closed with the server. */
  readonly store?: BoardStore;
  /** Cross-instance relay; default LocalFanout (single instance). */
  readonly fanout?: Fanout;
  /** Where log lines go; default JSON lines on stdout at `logLevel`. */
  readonly logger?: Logger;
  /** WebSocket ping interval. Default 30 000 ms. */
  readonly heartbeatMs?: number;
  /** Board versions; default a SqliteHistoryStore beside a SQLite `store`, none for other stores. */
  readonly history?: HistoryStore;
  /** Automatic versions at most this often while a board is edited. Default 10 minutes. */
  readonly historyIntervalMs?: number;
}

export interface RunningServer {
  readonly port: number;
  /** `http://127.0.0.1:PORT`; the sync endpoint is the same with ws: and /sync/<boardId>. */
  readonly url: string;
  /** Closes matching connections with `code` and `reason`; returns how many. */
  closeConnectionsWhere(predicate: (connection: ConnectionInfo) => boolean, code: number, reason: string): number;
  /** Stops accepting, closes clients with 1001, flushes and closes storage. */
  close(): Promise<void>;
}

/** Starts the HTTP + WebSocket server and resolves once it is listening. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(options.logLevel ?? DEFAULTS.logLevel);
  const ownsStore = options.store === undefined;
  const store =
    options.store ??
    SqliteBoardStore.open(options.dataDir ?? DEFAULTS.dataDir, { synchronous: options.sqliteSynchronous ?? 'NORMAL' });
  const fanout = options.fanout ?? new LocalFanout();
  const ownsHistory = options.history === undefined && store instanceof SqliteBoardStore;
  const history = options.history ?? (store instanceof SqliteBoardStore ? new SqliteHistoryStore(store.file) : null);
  const recorder = history
    ? new HistoryRecorder(history, logger, options.historyIntervalMs ?? DEFAULT_HISTORY_INTERVAL_MS)
    : null;
  const shareLinks = setupShareLinks({
    dataDir: options.dataDir ?? (options.store ? null : DEFAULTS.dataDir),
    store,
    mode: options.requireLinks ? 'required' : 'optional',
    secret: options.secret,
    linkStore: options.linkStore,
  });
  let locks: BoardLocks | null = null;
  const relayAuthorize = options.authorize ?? boardAuthorize(shareLinks.links, () => locks, shareLinks.privateRooms);
  let relay: Relay | null = null;
  const metrics = new Metrics(() => ({ rooms: relay?.roomCount ?? 0, connections: relay?.connectionCount ?? 0 }));
  relay = new Relay({
    store,
    fanout,
    logger,
    metrics,
    authorize: relayAuthorize,
    unloadDelayMs: options.unloadDelayMs ?? DEFAULTS.unloadDelayMs,
    compactMaxUpdates: options.compactMaxUpdates ?? DEFAULTS.compactMaxUpdates,
    compactMaxBytes: options.compactMaxBytes ?? DEFAULTS.compactMaxBytes,
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
    ...(recorder ? { roomObserver: recorder } : {}),
    // What participants may not change (locked lanes, votes' settings), undone by the server.
    // Lane locks are read from the facilitation room at each update, so a room loaded before
    // `locks` exists still gets them.
    guardFor: (roomId) =>
      parseRoomId(roomId).kind === 'board'
        ? new ParticipantGuard([laneLockRule(() => locks?.lockedLanes(roomId)), voteRightsRule()])
        : undefined,
  });
  const activeRelay = relay;
  if (!options.authorize) {
    // Sockets are authorized when they open: a lock or unlock closes the sockets whose access
    // it changes with a retryable code, and they come back with the new access.
    locks = new BoardLocks(
      activeRelay,
      (roomId) => store.hasBoard(roomId),
      (boardId, locked) =>
        activeRelay.closeConnectionsWhere(
          (c) =>
            c.boardId === boardId && (locked ? c.access === 'edit' : (c.meta as BoardConnectionMeta | null)?.lockedOut === true),
          CloseCode.ACCESS_CHANGED,
          locked ? 'The facilitator locked the board' : 'The facilitator unlocked the board',
        ),
      logger,
    );
  }
  const authorize = { authorize: options.authorize ?? shareLinks.authorizeHttp };
  const routes: HttpRoute[] = [
    privateRoutes(shareLinks.links, shareLinks.privateRooms),
    joinRoutes(shareLinks.links, { trustProxy: options.trustProxy ?? false }),
    linkRoutes({
      links: shareLinks.links,
      store,
      disconnectLink: (linkId) =>
        activeRelay.closeConnectionsWhere(
          (c) => (c.meta as BoardConnectionMeta | null)?.linkId === linkId,
          CloseCode.LINK_REVOKED,
          'This link has been switched off',
        ),
    }),
  ];
  // Created or imported, a new board comes with its facilitator link, and counts against the
  // same per-address allowance.
  const onBoardCreated = async (boardId: string) => ({
    facilitatorLink: await shareLinks.links.issue(boardId, 'facilitate', { label: 'Facilitator' }),
  });
  const boardCreationLimit = {
    limiter: new AddressRateLimiter(options.boardCreationLimits ?? BOARD_CREATION_LIMITS),
    trustProxy: options.trustProxy ?? false,
  };
  routes.push(backupRoutes({ rooms: activeRelay, store, logger, ...authorize, onBoardCreated, boardCreationLimit }));
  if (history && recorder) {
    routes.push(historyRoutes({ history: new BoardHistory(activeRelay, history, recorder), store, ...authorize }));
  }
  const server = createServer(
    createHttpHandler({
      store,
      metrics,
      logger,
      clientDir: options.clientDir ?? DEFAULTS.clientDir,
      status: () => ({ rooms: activeRelay.roomCount, connections: activeRelay.connectionCount }),
      routes,
      onBoardCreated,
      boardCreationLimit,
    }),
  );
  server.on('upgrade', (request, socket, head) => activeRelay.handleUpgrade(request, socket, head));
  server.on('clientError', (_error, socket) => socket.destroy());

  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? DEFAULTS.port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await activeRelay.close();
    if (ownsHistory) await history?.close();
    await shareLinks.close();
    if (ownsStore) await store.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  logger.info('listening', { port, host, url: `http://${host}:${port}` });

  let closing: Promise<void> | null = null;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    closeConnectionsWhere: (predicate, code, reason) => activeRelay.closeConnectionsWhere(predicate, code, reason),
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await activeRelay.close();
        server.closeAllConnections();
        await stopped;
        await fanout.close();
        if (ownsHistory) await history?.close();
        if (ownsStore) await store.close();
        logger.info('stopped', { port });
      })();
      return closing;
    },
  };
}
