import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { dropDatabase, ensureDatabase, withDatabase } from '../../common/src/db/databases';

/** The PostgreSQL server of this test run (embedded, or DATABASE_URL). */
export function testServerUrl(): string {
  const url = process.env.CP_TEST_DATABASE_URL;
  if (!url) throw new Error('CP_TEST_DATABASE_URL is not set: run the tests through jest (npm test)');
  return url;
}

/** Creates a throwaway database for one test file; `drop()` removes it. */
export async function createTestDatabase(label: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `t_${label}_${randomBytes(4).toString('hex')}`;
  const server = testServerUrl();
  await ensureDatabase(server, name);
  return { name, url: withDatabase(server, name), drop: () => dropDatabase(server, name) };
}

/**
 * Creates `cp_hub_runtime` before migrating. Migration 1732300002000 checks then creates it,
 * which races when two test files migrate their databases on a fresh cluster at once (roles
 * are cluster-wide, the migration lock is per database); see the report to the lead.
 */
export async function ensureRuntimeRole(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE ROLE cp_hub_runtime NOLOGIN');
  } catch (error) {
    // 42710 duplicate_object, 23505 when the other creator has not committed yet.
    if (!['42710', '23505'].includes((error as { code?: string }).code ?? '')) throw error;
  } finally {
    await client.end();
  }
}
