import pg from 'pg';
import { withDatabase } from '../../common/src/db/databases.js';

/** The development/test login the hub runs as (member of `cp_hub_runtime`, owns nothing). */
export const HUB_RUNTIME_USER = 'cp_hub_app';
const DEV_PASSWORD = 'cp_hub_app_dev_only';

/**
 * Creates the hub's runtime login on a development or test server if missing and returns the
 * hub database URL for it. In production a DBA provisions this login; only the grants to
 * `cp_hub_runtime` come from the migrations.
 */
export async function ensureHubRuntimeLogin(serverUrl: string, hubDatabase: string): Promise<string> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres'), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${HUB_RUNTIME_USER}') THEN
          CREATE ROLE ${HUB_RUNTIME_USER} LOGIN PASSWORD '${DEV_PASSWORD}';
        END IF;
      -- Several test files may create it at the same moment on one cluster.
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    await client.query(`GRANT cp_hub_runtime TO ${HUB_RUNTIME_USER}`);
  } finally {
    await client.end();
  }
  const url = new URL(withDatabase(serverUrl, hubDatabase));
  url.username = HUB_RUNTIME_USER;
  url.password = DEV_PASSWORD;
  return url.toString();
}
