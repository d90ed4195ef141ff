import pg from 'pg';
import { DataSource, type EntitySchema, type Logger as TypeOrmLogger, type MixedList } from 'typeorm';

// DATE columns stay `YYYY-MM-DD` strings: the default parser turns them into local-midnight
// JS dates, which shift by a day in any time zone west of UTC.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export interface DataSourceOptions {
  url: string;
  /** Shown in `pg_stat_activity`, handy when several services share one server. */
  applicationName: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  /** @default 10 */
  poolSize?: number;
  /** @default 5000 — give up connecting after this long instead of hanging forever. */
  connectTimeoutMs?: number;
  /** @default 10000 — the server cancels any statement running longer. */
  statementTimeoutMs?: number;
  /**
   * @default statementTimeoutMs + 2000 — the client gives up waiting for an answer after
   * this long (a server that cannot cancel anything: a stopped or unreachable backend), and
   * drops that connection.
   */
  queryTimeoutMs?: number;
  logger?: TypeOrmLogger;
}

const READ_TIMEOUT_MESSAGE = 'Query read timeout';

/**
 * pg's `query_timeout` rejects a query whose answer does not come in time, but leaves the
 * connection waiting for that answer; returned to the pool, it would hold up every query
 * given to it next, for as long as the backend stays stopped. This client ends its
 * connection at that moment (the socket is destroyed, as the query is still on the wire),
 * and the pool removes an ended client on release and opens a fresh one.
 */
export class DroppingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    const dropOnTimeout = (error: unknown) => {
      if (isReadTimeout(error)) this.end().catch(() => undefined);
    };
    this.query = ((...args: unknown[]) => {
      const last = args.length - 1;
      const callback = args[last];
      if (typeof callback === 'function') {
        args[last] = (error: unknown, result: unknown) => {
          dropOnTimeout(error);
          (callback as (error: unknown, result: unknown) => void)(error, result);
        };
      }
      const result = query(...args);
      if (result instanceof Promise) result.catch(dropOnTimeout);
      return result;
    }) as pg.Client['query'];
  }
}

/** The error pg gives a query whose answer did not come within `query_timeout`. */
export function isReadTimeout(error: unknown): boolean {
  return error instanceof Error && error.message === READ_TIMEOUT_MESSAGE;
}

/**
 * A TypeORM data source for one service's own database. Schema changes come only from
 * migrations; `synchronize` is never on.
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  const statementTimeoutMs = options.statementTimeoutMs ?? 10_000;
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: options.logger ? ['query'] : false,
    logger: options.logger,
    poolSize: options.poolSize ?? 10,
    connectTimeoutMS: options.connectTimeoutMs ?? 5000,
    applicationName: options.applicationName,
    extra: {
      statement_timeout: statementTimeoutMs,
      query_timeout: options.queryTimeoutMs ?? statementTimeoutMs + 2_000,
      Client: DroppingClient,
      idleTimeoutMillis: 30_000,
      // A broken idle connection is dropped instead of crashing the process.
      keepAlive: true,
    },
  });
}

/** Any constant shared by every process that migrates: serialises concurrent replicas. */
const MIGRATION_LOCK_KEY = 72_260_226;

/**
 * Initialises the data source and applies pending migrations (one transaction each),
 * under a PostgreSQL advisory lock so that replicas starting together migrate once.
 */
export async function openAndMigrate(dataSource: DataSource): Promise<DataSource> {
  if (!dataSource.isInitialized) await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
  return dataSource;
}
