import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEVELOPMENT_HUB_SECRET } from '../common/src/config.js';
import { startEmbeddedPostgres } from '../common/src/db/embedded-postgres.js';
import { freePort } from '../common/src/net.js';
import { loadSubgraphConfig } from '../common/src/subgraph/subgraph-config.js';
import { type RunningSubgraph, startSubgraph } from '../common/src/subgraph/start-subgraph.js';
import { loadConfig } from '../gateway/src/config.js';
import { startHub } from '../gateway/src/server.js';
import { prepareDatabases } from '../scripts/lib/databases.js';
import { SUBGRAPHS } from '../services/index.js';

/**
 * `npm run load -- --self`: a throwaway embedded PostgreSQL (temporary folder, free port),
 * the demo scenario seeded, four subgraphs and the hub in this process on free loopback
 * ports. `stop()` removes everything.
 */
export async function startSelfFederation(): Promise<{ hubUrl: string; stop(): Promise<void> }> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cp-load-pg-'));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(root, 'data'), port: await freePort(), persistent: false, password: randomBytes(12).toString('hex') });
  const subgraphs: RunningSubgraph[] = [];
  const cleanUp = async () => {
    for (const subgraph of subgraphs) await subgraph.stop();
    await postgres.stop();
    rmSync(root, { recursive: true, force: true });
  };
  try {
    const databases = await prepareDatabases(postgres.url, 'load', true);
    const urls: Record<string, string> = {};
    for (const definition of SUBGRAPHS) {
      const env = { APP_MODE: 'test', PORT: '0', DATABASE_URL: databases.urls[definition.name], HUB_SIGNING_SECRET: DEVELOPMENT_HUB_SECRET, LOG_LEVEL: 'warn' };
      const running = await startSubgraph(definition, loadSubgraphConfig(0, env));
      subgraphs.push(running);
      urls[`${definition.name.toUpperCase()}_URL`] = running.url;
    }
    const hub = await startHub(
      loadConfig({ APP_MODE: 'test', PORT: '0', DATABASE_URL: databases.urls.hub, MIGRATION_DATABASE_URL: databases.hubOwnerUrl, HUB_SIGNING_SECRET: DEVELOPMENT_HUB_SECRET, LOG_LEVEL: 'warn', ...urls }),
    );
    return {
      hubUrl: hub.url,
      stop: async () => {
        await hub.stop();
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
