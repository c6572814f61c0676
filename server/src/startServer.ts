import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BoardAccess, disconnectLink } from './access/BoardAccess.ts';
import { privateRoutes } from './access/privateRoutes.ts';
import { RightsFollower } from './access/RightsFollower.ts';
import { joinRoutes } from './auth/joinRoutes.ts';
import { linkRoutes } from './auth/linkRoutes.ts';
import { ShareLinks } from './auth/ShareLinks.ts';
import { linkSecret } from './auth/serverSecret.ts';
import { backupRoutes } from './backup/backupRoutes.ts';
import { DEFAULTS, type PrivacyNotice } from './config.ts';
import { auditedRoutes } from './dataProtection/auditedRoutes.ts';
import { auditPrivateRoomOpens } from './dataProtection/auditPrivateRoomOpens.ts';
import { auditRoutes } from './dataProtection/auditRoutes.ts';
import { BoardDeletion } from './dataProtection/BoardDeletion.ts';
import { ContributionErasure } from './dataProtection/ContributionErasure.ts';
import { deletionRoutes, titleFromRooms } from './dataProtection/deletionRoutes.ts';
import { erasureRoutes } from './dataProtection/erasureRoutes.ts';
import { privacyNoticeRoute } from './dataProtection/privacyNoticeRoute.ts';
import { RetentionSweeper } from './dataProtection/RetentionSweeper.ts';
import { retentionRoutes } from './dataProtection/retentionRoutes.ts';
import { subjectAccessRoute } from './dataProtection/subjectAccessRoute.ts';
import { firstViewRoute } from './firstView/firstViewRoute.ts';
import { BoardHistory } from './history/BoardHistory.ts';
import { DEFAULT_HISTORY_INTERVAL_MS, HistoryRecorder } from './history/HistoryRecorder.ts';
import { historyRoutes } from './history/historyRoutes.ts';
import { BOARD_CREATION_LIMITS, JOIN_CODE_GUESS_LIMITS, type RateLimits } from './http/AddressRateLimiter.ts';
import { ConnectionCap } from './http/ConnectionCap.ts';
import { createHttpHandler } from './http/createHttpHandler.ts';
import type { HttpRoute } from './http/extraRoutes.ts';
import { openRateLimits } from './http/openRateLimits.ts';
import { createLogger, type Logger, type LogLevel } from './log.ts';
import { Metrics } from './metrics.ts';
import type { Authorize } from './relay/authorize.ts';
import type { ConnectionInfo } from './relay/Connection.ts';
import { Relay } from './relay/Relay.ts';
import { youSaidWeDidRoute } from './reports/youSaidWeDidRoute.ts';
import { NO_ANNOUNCEMENTS } from './scale/Announcements.ts';
import type { Fanout } from './scale/Fanout.ts';
import { openFanout } from './scale/openFanout.ts';
import type { BoardStore } from './storage/BoardStore.ts';
import type { HistoryStore } from './storage/HistoryStore.ts';
import type { LinkStore } from './storage/LinkStore.ts';
import type { SqliteSynchronous } from './storage/SqliteDatabase.ts';
import type { Storage } from './storage/Storage.ts';
import { storageFromOptions } from './storage/storageFromOptions.ts';

export interface StartServerOptions {
  /** TCP port; 0 picks a free one. Default 1234. */
  readonly port?: number;
  /** Interface to listen on. Default 127.0.0.1 (the CLI's HOST defaults to 0.0.0.0). */
  readonly host?: string;
  /** Directory of the SQLite database (unless `store` or `databaseUrl` is given) and of secret.key. Default ./data. */
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
   * `postgres://…`: every store in that PostgreSQL database (migrated at start, closed with the
   * server) instead of SQLite in `dataDir`; several instances may share it. Default unset.
   */
  readonly databaseUrl?: string;
  /** Connections to PostgreSQL this instance keeps at most. Default 10. */
  readonly databasePoolSize?: number;
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
  /**
   * Every store at once, opened by the caller (`openStorage`) and not closed by the server.
   * Default: PostgreSQL at `databaseUrl`, else the SQLite storage in `dataDir`, closed with the server.
   */
  readonly storage?: Storage;
  /** Where link records live; default the storage's (a `share_links` table in the board database). */
  readonly linkStore?: LinkStore;
  /**
   * Only the board store, not closed by the server: links and private rooms then live in
   * `dataDir/links.sqlite` (in memory without `dataDir`), and there is no history.
   */
  readonly store?: BoardStore;
  /** Cross-instance relay; default RedisFanout on `redisUrl`, else LocalFanout (single instance). */
  readonly fanout?: Fanout;
  /** Relay committed updates and presence to other instances through this Redis (REDIS_URL). */
  readonly redisUrl?: string;
  /** Prefix of the Redis channel and key names; default 'costudio:'. */
  readonly redisPrefix?: string;
  /**
   * With several instances, how often each re-checks its sockets' links, boards and locks
   * against the store, in case it missed an announcement. Default 10 000 ms.
   */
  readonly rightsRecheckMs?: number;
  /** Where log lines go; default JSON lines on stdout at `logLevel`. */
  readonly logger?: Logger;
  /** WebSocket ping interval. Default 30 000 ms. */
  readonly heartbeatMs?: number;
  /** Board versions; default the storage's (none beside a custom `store`). */
  readonly history?: HistoryStore;
  /** Automatic versions at most this often while a board is edited. Default 10 minutes. */
  readonly historyIntervalMs?: number;
  /** New private-writing rooms one participant link may make on a board. Default 100. */
  readonly maxPrivateRoomsPerLink?: number;
  /** A request whose headers have not all arrived after this long is answered 408 and closed. Default 10 000 ms. */
  readonly headersTimeoutMs?: number;
  /** …and one whose body has not all arrived after this long (an import on a slow line). Default 120 000 ms. */
  readonly requestTimeoutMs?: number;
  /**
   * Open connections (HTTP and WebSocket) one client address may hold; more are dropped as they
   * arrive. Default 256; not applied with `trustProxy`, where every connection is the proxy's.
   */
  readonly maxConnectionsPerAddress?: number;
  /** Delete boards nobody opened for this many days (RETENTION_DAYS); default: keep until deleted. */
  readonly retentionDays?: number;
  /** The operator's words for the privacy notice before joining (PRIVACY_NOTICE); default none. */
  readonly privacyNotice?: PrivacyNotice;
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

const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
const DEFAULT_REQUEST_TIMEOUT_MS = 120_000;

/** Starts the HTTP + WebSocket server and resolves once it is listening. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(options.logLevel ?? DEFAULTS.logLevel);
  const storage = await storageFromOptions({ ...options, logger }, DEFAULTS.dataDir);
  const store = storage.boards;
  const history = storage.history;
  const fanout = openFanout(options, logger);
  // With Redis, the per-address limits count across every instance (issue 14).
  const rateLimits = openRateLimits(options, logger);
  const recorder = history
    ? new HistoryRecorder(history, logger, options.historyIntervalMs ?? DEFAULT_HISTORY_INTERVAL_MS)
    : null;
  // Without a data directory of its own (a custom storage or store), links are signed with a one-off key.
  const linkDataDir = options.dataDir ?? (options.store || options.storage ? null : DEFAULTS.dataDir);
  const links = new ShareLinks(
    storage.links,
    linkSecret(linkDataDir, options.secret),
    options.requireLinks ? 'required' : 'optional',
  );
  let relay: Relay | null = null;
  let rights: RightsFollower | null = null;
  const metrics = new Metrics(() => ({ rooms: relay?.roomCount ?? 0, connections: relay?.connectionCount ?? 0 }));
  const access = new BoardAccess({
    links,
    privateRooms: storage.privateRooms,
    roomExists: (roomId) => store.hasBoard(roomId),
    logger,
    metrics,
    ...(options.maxPrivateRoomsPerLink ? { maxPrivateRoomsPerLink: options.maxPrivateRoomsPerLink } : {}),
    // Who locked it is not known here (a facilitator's socket changed the facilitation room).
    onLockChange: (boardId, locked) =>
      void storage.audit
        .append({
          boardId,
          action: locked ? 'board-locked' : 'board-unlocked',
          actor: 'server',
          linkId: null,
          access: null,
          details: {},
        })
        .catch((error: unknown) => logger.error('could not write the audit log', { boardId, error })),
    onLaneLocksChange: (boardId, lanes) =>
      void storage.audit
        .append({
          boardId,
          action: 'lanes-locked',
          actor: 'server',
          linkId: null,
          access: null,
          details: { lanes: [...lanes].join(',') },
        })
        .catch((error: unknown) => logger.error('could not write the audit log', { boardId, error })),
    onFacilitationChange: (boardId) => rights?.facilitationChanged(boardId),
  });
  relay = new Relay({
    store,
    fanout,
    logger,
    metrics,
    authorize: auditPrivateRoomOpens(options.authorize ?? access.authorize, storage.audit, logger),
    unloadDelayMs: options.unloadDelayMs ?? DEFAULTS.unloadDelayMs,
    compactMaxUpdates: options.compactMaxUpdates ?? DEFAULTS.compactMaxUpdates,
    compactMaxBytes: options.compactMaxBytes ?? DEFAULTS.compactMaxBytes,
    ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
    ...(recorder ? { roomObserver: recorder } : {}),
    guardFor: access.guardFor,
  });
  const activeRelay = relay;
  if (!options.authorize) access.enforceLocksThrough(activeRelay);
  // Revoking a link, deleting a board and locks reach every instance's sockets (issue 14).
  const activeRights = new RightsFollower({
    announcements: fanout.announcements ?? NO_ANNOUNCEMENTS,
    relay: activeRelay,
    links: storage.links,
    boards: store,
    refreshLocks: (boardId) => access.refreshLocks(boardId),
    logger,
    ...(options.rightsRecheckMs ? { recheckMs: options.rightsRecheckMs } : {}),
  });
  rights = activeRights;
  if (fanout.crossInstance) activeRights.start();
  const routes: HttpRoute[] = [
    privateRoutes(links, storage.privateRooms),
    joinRoutes(links, {
      trustProxy: options.trustProxy ?? false,
      limiter: rateLimits.limiter('join-codes', JOIN_CODE_GUESS_LIMITS),
    }),
    linkRoutes({
      links,
      store,
      disconnectLink: (linkId) => {
        activeRights.linkRevoked(linkId);
        return disconnectLink(activeRelay, linkId);
      },
    }),
  ];
  const authorize = { authorize: options.authorize ?? links.authorizeHttp };
  // Created or imported, a new board comes with its facilitator link, and counts against the
  // same per-address allowance.
  const onBoardCreated = async (boardId: string) => {
    const facilitatorLink = await links.issue(boardId, 'facilitate', { label: 'Facilitator' });
    await storage.audit.append({ boardId, action: 'board-created', actor: 'link', linkId: null, access: null, details: {} });
    return { facilitatorLink };
  };
  const boardCreationLimit = {
    limiter: rateLimits.limiter('board-creation', options.boardCreationLimits ?? BOARD_CREATION_LIMITS),
    trustProxy: options.trustProxy ?? false,
  };
  routes.push(backupRoutes({ rooms: activeRelay, store, logger, ...authorize, onBoardCreated, boardCreationLimit }));
  const deletion = new BoardDeletion(storage, activeRights.announcingDeletions(), logger);
  routes.push(deletionRoutes({ deletion, store, titleOf: titleFromRooms(activeRelay), ...authorize }));
  // Always running: a board may have a retention of its own even when RETENTION_DAYS is unset.
  const retention = new RetentionSweeper(storage, deletion, options.retentionDays ?? null, logger);
  retention.start();
  const erasure = new ContributionErasure(storage, activeRelay, logger);
  routes.push(erasureRoutes({ erasure, store, ...authorize }));
  if (history && recorder) {
    routes.push(historyRoutes({ history: new BoardHistory(activeRelay, history, recorder), store, ...authorize }));
  }
  routes.push(auditRoutes({ audit: storage.audit, store, ...authorize }));
  routes.push(privacyNoticeRoute(options.privacyNotice));
  routes.push(firstViewRoute({ rooms: activeRelay, store, ...authorize }));
  routes.push(subjectAccessRoute({ rooms: activeRelay, store, ...authorize }));
  routes.push(youSaidWeDidRoute({ rooms: activeRelay, store, ...authorize }));
  routes.push(retentionRoutes({ store, defaultDays: options.retentionDays ?? null, ...authorize }));
  const headersTimeout = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS;
  const server = createServer(
    {
      headersTimeout,
      requestTimeout: Math.max(headersTimeout, options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS),
      // Node looks for requests past their timeouts this often (30 s by default).
      connectionsCheckingInterval: Math.min(1_000, headersTimeout),
    },
    createHttpHandler({
      store,
      metrics,
      logger,
      clientDir: options.clientDir ?? DEFAULTS.clientDir,
      status: () => ({ rooms: activeRelay.roomCount, connections: activeRelay.connectionCount }),
      routes: [auditedRoutes(routes, storage.audit, authorize.authorize, logger)],
      onBoardCreated,
      boardCreationLimit,
      ready: async () => {
        if (closing) throw new Error('shutting down');
        try {
          await storage.ping();
        } catch (error) {
          throw new Error(`storage unreachable: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
    }),
  );
  server.on('upgrade', (request, socket, head) => activeRelay.handleUpgrade(request, socket, head));
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // A request that ran out of time is told so (408) rather than cut off without a word.
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT' && socket.writable) {
      socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    socket.destroy();
  });
  if (!options.trustProxy) {
    new ConnectionCap(options.maxConnectionsPerAddress ?? DEFAULTS.maxConnectionsPerAddress).install(server);
  }

  let closing: Promise<void> | null = null;
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
    activeRights.stop();
    await retention.stop();
    await activeRelay.close();
    await fanout.close();
    await rateLimits.close();
    await storage.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  logger.info('listening', { port, host, url: `http://${host}:${port}` });

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    closeConnectionsWhere: (predicate, code, reason) => activeRelay.closeConnectionsWhere(predicate, code, reason),
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        activeRights.stop();
        await retention.stop();
        await activeRelay.close();
        server.closeAllConnections();
        await stopped;
        await fanout.close();
        await rateLimits.close();
        await storage.close();
        logger.info('stopped', { port });
      })();
      return closing;
    },
  };
}
