import { randomBytes } from 'node:crypto';
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
