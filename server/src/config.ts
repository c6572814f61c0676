import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isLogLevel, type LogLevel } from './log.ts';
import type { SqliteSynchronous } from './storage/SqliteDatabase.ts';

/** Everything the server reads from the environment, with defaults applied and values checked. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly clientDir: string;
  readonly unloadDelayMs: number;
  readonly logLevel: LogLevel;
  readonly compactMaxUpdates: number;
  readonly compactMaxBytes: number;
  readonly sqliteSynchronous: SqliteSynchronous;
  /** DATABASE_URL: every store in this PostgreSQL database instead of SQLite; unset = SQLite in dataDir. */
  readonly databaseUrl?: string;
  /** DATABASE_POOL_SIZE: connections to PostgreSQL this instance keeps at most. */
  readonly databasePoolSize: number;
  /** Every socket and API call needs a share link (default); false lets link-less visitors edit. */
  readonly requireLinks: boolean;
  /** Key that signs share links (COSTUDIO_SECRET); unset = DATA_DIR/secret.key. */
  readonly secret?: string;
  /** Behind a reverse proxy: take clients' addresses from X-Forwarded-For. */
  readonly trustProxy: boolean;
  /** REDIS_URL: relay committed updates and presence to other instances through this Redis. */
  readonly redisUrl?: string;
  /** REDIS_PREFIX: prepended to the Redis channel names (several deployments on one Redis). */
  readonly redisPrefix?: string;
  /** Open connections one client address may hold (not applied with trustProxy). */
  readonly maxConnectionsPerAddress: number;
  /** Boards nobody opened for this many days are deleted (RETENTION_DAYS); unset = kept until deleted. */
  readonly retentionDays?: number;
  /** The operator's words for the privacy notice shown before joining (PRIVACY_NOTICE); unset = Costudio's own. */
  readonly privacyNotice?: PrivacyNotice;
}

/** The operator's privacy notice: `extend` adds it after Costudio's plain words, `replace` shows it alone. */
export interface PrivacyNotice {
  readonly text: string;
  readonly mode: 'extend' | 'replace';
}

/** The built client, relative to this file so the server works from any working directory. */
export const DEFAULT_CLIENT_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../client/dist');

export const DEFAULTS = {
  port: 1234,
  host: '0.0.0.0',
  dataDir: './data',
  clientDir: DEFAULT_CLIENT_DIR,
  unloadDelayMs: 30_000,
  logLevel: 'info',
  compactMaxUpdates: 500,
  compactMaxBytes: 1024 * 1024,
  sqliteSynchronous: 'FULL',
  databasePoolSize: 10,
  requireLinks: true,
  trustProxy: false,
  maxConnectionsPerAddress: 256,
} as const satisfies ServerConfig;

/** One row per environment variable: the single source for parsing and for `--help`. */
export const ENV_VARS = [
  { name: 'PORT', help: 'TCP port for HTTP and WebSocket (0 picks a free one)', default: String(DEFAULTS.port) },
  { name: 'HOST', help: 'Interface to listen on', default: DEFAULTS.host },
  { name: 'DATA_DIR', help: 'Directory holding the SQLite database (created if missing)', default: DEFAULTS.dataDir },
  { name: 'CLIENT_DIR', help: 'Built client served over HTTP', default: 'client/dist' },
  { name: 'UNLOAD_DELAY_MS', help: 'How long a board stays in memory after its last client leaves', default: '30000' },
  { name: 'LOG_LEVEL', help: 'debug | info | warn | error | silent', default: DEFAULTS.logLevel },
  { name: 'COMPACT_MAX_UPDATES', help: 'Compact a board once its update log holds this many rows', default: '500' },
  { name: 'COMPACT_MAX_BYTES', help: 'Compact a board once its update log holds this many bytes', default: '1048576' },
  {
    name: 'SQLITE_SYNCHRONOUS',
    help: 'FULL: what is saved survives power loss; NORMAL: only a killed process (no fsyncs)',
    default: DEFAULTS.sqliteSynchronous,
  },
  {
    name: 'DATABASE_URL',
    help: 'postgres://user:password@host/db: everything in PostgreSQL, shared by several instances',
    default: 'unset = SQLite in DATA_DIR',
  },
  {
    name: 'DATABASE_POOL_SIZE',
    help: 'Connections to PostgreSQL this instance keeps at most',
    default: String(DEFAULTS.databasePoolSize),
  },
  {
    name: 'REQUIRE_LINKS',
    help: 'true: boards open only with a share link; false: anyone with a board address may edit',
    default: 'true',
  },
  {
    name: 'TRUST_PROXY',
    help: 'true behind a reverse proxy that sets X-Forwarded-For (per-client limits use it)',
    default: 'false',
  },
  {
    name: 'MAX_CONNECTIONS_PER_ADDRESS',
    help: 'Open HTTP and WebSocket connections one client address (IPv6: /64) may hold; not applied with TRUST_PROXY',
    default: String(DEFAULTS.maxConnectionsPerAddress),
  },
  {
    name: 'RETENTION_DAYS',
    help: 'Delete for good, hourly, boards nobody has opened or changed for this many days (1-36500)',
    default: 'none: boards are kept until deleted',
  },
  {
    name: 'PRIVACY_NOTICE',
    help: "Your organisation's words shown before joining a board (who controls the data, how long it is kept, whom to ask); blank lines or \\n\\n separate paragraphs",
    default: 'none',
  },
  {
    name: 'PRIVACY_NOTICE_MODE',
    help: "extend: shown after Costudio's own plain words; replace: shown instead of them",
    default: 'extend',
  },
  {
    name: 'COSTUDIO_SECRET',
    help: 'Key signing share links, 64+ hex characters; needed when several servers share links',
    default: 'DATA_DIR/secret.key',
  },
  {
    name: 'REDIS_URL',
    help: 'redis://[user:password@]host:port[/db]: relay updates, presence and changed rights (revoked links, deletions, locks) between instances, and count per-address limits across them',
    default: 'unset = a single instance',
  },
  {
    name: 'REDIS_PREFIX',
    help: 'Prefix of the Redis channel and key names, for deployments sharing one Redis',
    default: 'costudio:',
  },
] as const;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;

/** Reads the configuration from environment variables; throws ConfigError naming the bad variable. */
export function parseConfig(env: Env): ServerConfig {
  return {
    port: readInteger(env, 'PORT', DEFAULTS.port, 0, 65_535),
    host: readString(env, 'HOST', DEFAULTS.host),
    dataDir: resolve(readString(env, 'DATA_DIR', DEFAULTS.dataDir)),
    clientDir: resolve(readString(env, 'CLIENT_DIR', DEFAULTS.clientDir)),
    unloadDelayMs: readInteger(env, 'UNLOAD_DELAY_MS', DEFAULTS.unloadDelayMs, 0, 24 * 3_600_000),
    logLevel: readLogLevel(env),
    compactMaxUpdates: readInteger(env, 'COMPACT_MAX_UPDATES', DEFAULTS.compactMaxUpdates, 1, 10_000_000),
    compactMaxBytes: readInteger(env, 'COMPACT_MAX_BYTES', DEFAULTS.compactMaxBytes, 1, 1024 ** 4),
    sqliteSynchronous: readSynchronous(env),
    ...readDatabaseUrl(env),
    databasePoolSize: readInteger(env, 'DATABASE_POOL_SIZE', DEFAULTS.databasePoolSize, 1, 1000),
    requireLinks: readBoolean(env, 'REQUIRE_LINKS', DEFAULTS.requireLinks),
    trustProxy: readBoolean(env, 'TRUST_PROXY', DEFAULTS.trustProxy),
    maxConnectionsPerAddress: readInteger(env, 'MAX_CONNECTIONS_PER_ADDRESS', DEFAULTS.maxConnectionsPerAddress, 1, 10_000_000),
    ...(env.COSTUDIO_SECRET?.trim() ? { secret: env.COSTUDIO_SECRET.trim() } : {}),
    ...readRedis(env),
    ...(env.RETENTION_DAYS?.trim() ? { retentionDays: readInteger(env, 'RETENTION_DAYS', 0, 1, 36_500) } : {}),
    ...readPrivacyNotice(env),
  };
}

function readPrivacyNotice(env: Env): { privacyNotice?: PrivacyNotice } {
  const text = env.PRIVACY_NOTICE?.replace(/\\n/g, '\n').trim();
  const mode = (env.PRIVACY_NOTICE_MODE?.trim().toLowerCase() || 'extend') as PrivacyNotice['mode'];
  if (mode !== 'extend' && mode !== 'replace') throw new ConfigError('PRIVACY_NOTICE_MODE must be extend or replace');
  if (!text) return {};
  if (text.length > 10_000) throw new ConfigError('PRIVACY_NOTICE is longer than 10,000 characters');
  return { privacyNotice: { text, mode } };
}

/** Text printed by `--help`. */
export function helpText(): string {
  const width = Math.max(...ENV_VARS.map((v) => v.name.length));
  const rows = ENV_VARS.map((v) => `  ${v.name.padEnd(width)}  ${v.help} (default: ${v.default})`);
  return [
    'Costudio relay: serves the board client and syncs boards over y-websocket, storing them in SQLite',
    '(or in PostgreSQL when DATABASE_URL is set); with REDIS_URL, instances serving the same boards relay',
    'committed updates and presence to each other through Redis.',
    '',
    'Usage: pnpm --filter @costudio/server start [-- --help]',
    '',
    'Environment variables:',
    ...rows,
    '',
    'Signals: SIGTERM or SIGINT flushes storage, closes clients with 1001 and exits 0.',
    '',
  ].join('\n');
}

function readRedis(env: Env): { redisUrl?: string; redisPrefix?: string } {
  const url = env.REDIS_URL?.trim();
  if (!url) return {};
  if (!/^rediss?:\/\//.test(url)) throw new ConfigError('REDIS_URL must start with redis:// or rediss://');
  const prefix = env.REDIS_PREFIX?.trim();
  return { redisUrl: url, ...(prefix ? { redisPrefix: prefix } : {}) };
}

function readString(env: Env, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? fallback : raw;
}

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = readString(env, name, String(fallback)).toLowerCase();
  if (raw === 'true' || raw === '1' || raw === 'yes') return true;
  if (raw === 'false' || raw === '0' || raw === 'no') return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function readLogLevel(env: Env): LogLevel {
  const raw = readString(env, 'LOG_LEVEL', DEFAULTS.logLevel).toLowerCase();
  if (!isLogLevel(raw)) throw new ConfigError(`LOG_LEVEL must be one of debug, info, warn, error, silent; got "${raw}"`);
  return raw;
}

function readSynchronous(env: Env): SqliteSynchronous {
  const raw = readString(env, 'SQLITE_SYNCHRONOUS', DEFAULTS.sqliteSynchronous).toUpperCase();
  if (raw !== 'NORMAL' && raw !== 'FULL') throw new ConfigError(`SQLITE_SYNCHRONOUS must be NORMAL or FULL, got "${raw}"`);
  return raw;
}

function readDatabaseUrl(env: Env): { databaseUrl?: string } {
  const raw = env.DATABASE_URL?.trim();
  if (raw === undefined || raw === '') return {};
  // The URL may hold a password: the error names the variable, never the value.
  if (!/^postgres(?:ql)?:\/\//.test(raw)) throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  return { databaseUrl: raw };
}
