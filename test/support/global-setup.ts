import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../common/src/db/embedded-postgres';
import { freePort } from '../../common/src/net';

/**
 * Starts one embedded PostgreSQL for the whole test run, unless DATABASE_URL points at a
 * server. Workers inherit `CP_TEST_DATABASE_URL`; each test file creates and drops its own
 * databases there (test/support/databases.ts).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.CP_TEST_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cp-test-pg-'));
  const handle = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'data'), port: await freePort(), persistent: false, password: 'test' });
  (globalThis as Record<string, unknown>).__CP_PG__ = { handle, dataDir };
  process.env.CP_TEST_DATABASE_URL = handle.url;
}
