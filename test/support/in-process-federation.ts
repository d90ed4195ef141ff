import { randomBytes } from 'node:crypto';
import { dropDatabase } from '../../common/src/db/databases';
import { QueryCounter } from '../../common/src/db/query-counter';
import { loadSubgraphConfig } from '../../common/src/subgraph/subgraph-config';
import { type RunningSubgraph, startSubgraph } from '../../common/src/subgraph/start-subgraph';
import { loadConfig } from '../../gateway/src/config';
import { type RunningHub, startHub } from '../../gateway/src/server';
import { prepareDatabases, SERVICE_NAMES } from '../../scripts/lib/databases';
import { SUBGRAPHS } from '../../services/index';
import { testServerUrl } from './databases';
import { TEST_HUB_SECRET } from './start-test-subgraph';

export interface TestFederation {
  hubUrl: string;
  hub: RunningHub;
  subgraphs: Map<string, RunningSubgraph>;
  /** SQL statements per service since the last reset (hub = the hub's own database). */
  sql: Map<string, QueryCounter>;
  prefix: string;
  stop(): Promise<void>;
}

/**
 * The whole federation in this process: four subgraphs and the hub on random ports, real
 * HTTP between them, each with its own freshly migrated and seeded database on the test
 * run's PostgreSQL. `stop()` drops the databases.
 */
export async function startTestFederation(extraHubEnv: Record<string, string> = {}, options: { subgraphLogLevel?: string } = {}): Promise<TestFederation> {
  const server = testServerUrl();
  const prefix = `f${randomBytes(4).toString('hex')}`;
  const databases = await prepareDatabases(server, prefix, true);
  const sql = new Map<string, QueryCounter>();
  const subgraphs = new Map<string, RunningSubgraph>();
  for (const definition of SUBGRAPHS) {
    const counter = new QueryCounter();
    sql.set(definition.name, counter);
    const config = loadSubgraphConfig(0, { APP_MODE: 'test', PORT: '0', DATABASE_URL: databases.urls[definition.name], HUB_SIGNING_SECRET: TEST_HUB_SECRET, LOG_LEVEL: options.subgraphLogLevel ?? 'silent' });
    subgraphs.set(definition.name, await startSubgraph(definition, config, { sqlLogger: counter }));
  }
  const hubCounter = new QueryCounter();
  sql.set('hub', hubCounter);
  const urlOf = (name: string) => subgraphs.get(name)?.url ?? '';
  const hub = await startHub(
    loadConfig({
      APP_MODE: 'test',
      PORT: '0',
      DATABASE_URL: databases.urls.hub,
      MIGRATION_DATABASE_URL: databases.hubOwnerUrl,
      ASE_URL: urlOf('ase'),
      PMI_URL: urlOf('pmi'),
      RPE_URL: urlOf('rpe'),
      JUSTICE_URL: urlOf('justice'),
      HUB_SIGNING_SECRET: TEST_HUB_SECRET,
      LOG_LEVEL: 'silent',
      ...extraHubEnv,
    }),
    { sqlLogger: hubCounter },
  );
  return {
    hubUrl: hub.url,
    hub,
    subgraphs,
    sql,
    prefix,
    stop: async () => {
      await hub.stop();
      for (const subgraph of subgraphs.values()) await subgraph.stop();
      for (const name of SERVICE_NAMES) await dropDatabase(server, `${prefix}_${name}`);
    },
  };
}
