import pg from 'pg';
import type { Logger } from '../../log.ts';
import { migrate } from './postgresMigrations.ts';

export interface PostgresDatabaseOptions {
  /** Connections this process keeps at most. Default 10. */
  readonly poolSize?: number;
  /** Where the pool reports connections it lost; default nowhere (the pool replaces them either way). */
  readonly logger?: Logger;
  /** How long to wait for a connection before a query fails. Default 5000 ms. */
  readonly connectTimeoutMs?: number;
  /**
   * How long one statement may take before it fails (and its connection is discarded). Default
   * 30 000 ms: a database that stops answering without closing the connection (a network
   * partition) then fails commits, which closes their writers, instead of holding them forever.
   */
  readonly queryTimeoutMs?: number;
}

export const DEFAULT_POOL_SIZE = 10;

const INT8_OID = 20;

// Sequence numbers, ids and times are bigint columns; pg hands int8 back as a string. Every one
// of them stays far below 2^53, so a number is exact. Set on this pool only, not pg's globals.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * One pool of connections to a Costudio PostgreSQL database, with the settings every store
 * relies on: the one place that connects, so durability and error handling are decided once.
 * The stores of a PostgresStorage share its pool.
 */
export class PostgresDatabase {
  readonly pool: pg.Pool;
  private closing: Promise<void> | null = null;

  /** Connects and brings the schema up to date (see postgresMigrations.ts) before resolving. */
  static async open(url: string, options: PostgresDatabaseOptions = {}): Promise<PostgresDatabase> {
    const database = new PostgresDatabase(url, options);
    try {
      await database.transaction(migrate);
      return database;
    } catch (error) {
      await database.close();
      throw error;
    }
  }

  private constructor(url: string, options: PostgresDatabaseOptions) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? DEFAULT_POOL_SIZE,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
      query_timeout: options.queryTimeoutMs ?? 30_000,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      // "All changes saved" means committed: a commit returns only once it is durable, whatever
      // the server's postgresql.conf says.
      options: '-c synchronous_commit=on',
      types,
    });
    const logger = options.logger;
    // A connection that dies (PostgreSQL restarted, backend terminated) emits 'error'; unheard,
    // that would end the process. The query it was running rejects on its own, and the pool
    // replaces the connection, so noting it is all there is to do.
    this.pool.on('connect', (client) => {
      client.on('error', (error) => logger?.warn('PostgreSQL connection lost', { error }));
    });
    // The pool re-emits an idle connection's error; the listener above has logged it already.
    this.pool.on('error', () => {});
  }

  /**
   * Runs `work` in one transaction on one connection: committed when it resolves, rolled back
   * when it throws. A connection that failed is discarded rather than returned to the pool.
   */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    const client = await this.pool.connect();
    let failure: Error | undefined;
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      // Destroying on any failure is cheap and never returns a broken connection to the pool.
      client.release(failure);
    }
  }

  /** Ends every connection after the queries in flight; repeated calls wait for the first. */
  close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }
}
