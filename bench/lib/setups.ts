import type { ServerSettings } from '../servers/childControl.ts';
import type { ServerKind } from './serverProcess.ts';

/** The systems the bench measures, each one column of the report. */
export type SetupId = 'reference' | 'floor' | 'costudio' | 'costudio-full' | 'costudio-pg' | 'costudio-3';

export interface Setup {
  readonly id: SetupId;
  /** Column heading. */
  readonly label: string;
  readonly kind: ServerKind;
  /** Server processes; with more than one, clients are spread over them (see Deployment). */
  readonly instances: number;
  /** Costudio configuration variables (server/src/config.ts) beside the bench's own. */
  readonly env: Readonly<Record<string, string>>;
  /** A fresh PostgreSQL database for this run, passed as DATABASE_URL and dropped afterwards. */
  readonly postgres: boolean;
  /** Redis on its own channel prefix, passed as REDIS_URL and REDIS_PREFIX. */
  readonly redis: boolean;
  /** What each child must report it runs with, or the run fails rather than measure the wrong thing. */
  readonly expect?: Partial<ServerSettings>;
}

/**
 * The one place the bench names Costudio's setting for power-loss durability (every group commit
 * fsynced; docs/operations.md, "Durability"). The child reads it with the server's own parser and
 * reports what it got, so a renamed variable fails the run instead of measuring NORMAL twice.
 */
export const POWER_LOSS_DURABILITY: Readonly<Record<string, string>> = { SQLITE_SYNCHRONOUS: 'FULL' };

/** Every update committed before it is relayed, none fsynced: what the reference is measured against first. */
export const WITHOUT_POWER_LOSS_DURABILITY: Readonly<Record<string, string>> = { SQLITE_SYNCHRONOUS: 'NORMAL' };

const SQLITE = { storage: 'sqlite', redis: false } as const;

export const SETUPS: Readonly<Record<SetupId, Setup>> = {
  reference: { id: 'reference', label: 'reference', kind: 'reference', instances: 1, env: {}, postgres: false, redis: false },
  floor: { id: 'floor', label: 'floor (bare ws)', kind: 'floor', instances: 1, env: {}, postgres: false, redis: false },
  costudio: {
    id: 'costudio',
    label: 'Costudio SQLite',
    kind: 'costudio',
    instances: 1,
    env: WITHOUT_POWER_LOSS_DURABILITY,
    postgres: false,
    redis: false,
    expect: { ...SQLITE, sqliteSynchronous: 'NORMAL' },
  },
  'costudio-full': {
    id: 'costudio-full',
    label: 'Costudio SQLite FULL',
    kind: 'costudio',
    instances: 1,
    env: POWER_LOSS_DURABILITY,
    postgres: false,
    redis: false,
    expect: { ...SQLITE, sqliteSynchronous: 'FULL' },
  },
  'costudio-pg': {
    id: 'costudio-pg',
    label: 'Costudio PostgreSQL',
    kind: 'costudio',
    instances: 1,
    env: {},
    postgres: true,
    redis: false,
    expect: { storage: 'postgres', redis: false },
  },
  'costudio-3': {
    id: 'costudio-3',
    label: '3 × Costudio PG + Redis',
    kind: 'costudio',
    instances: 3,
    env: {},
    postgres: true,
    redis: true,
    expect: { storage: 'postgres', redis: true },
  },
};

export const SETUP_IDS = Object.keys(SETUPS) as SetupId[];
