import 'reflect-metadata';
import path from 'node:path';
import { readOptional, readPort } from '../common/src/config.js';
import { startEmbeddedPostgres } from '../common/src/db/embedded-postgres.js';
import { prepareDatabases } from './lib/databases.js';

/** `npm run seed`: migrate and seed every database, then stop (embedded PostgreSQL too). */
async function main(): Promise<void> {
  const given = readOptional(process.env, 'DATABASE_URL');
  const postgres = given
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: path.resolve(__dirname, '../.data/postgres'),
        port: readPort(process.env, 'EMBEDDED_PG_PORT', 54329),
        persistent: true,
        password: 'postgres',
      });
  const serverUrl = given ?? postgres?.url;
  try {
    if (!serverUrl) throw new Error('no PostgreSQL server');
    await prepareDatabases(serverUrl, readOptional(process.env, 'DATABASE_PREFIX') ?? 'cp', true);
    process.stdout.write('Demo scenario seeded\n');
  } finally {
    await postgres?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`npm run seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  // embedded-postgres registers exit hooks that would otherwise end the process with 0.
  process.exit(1);
});
