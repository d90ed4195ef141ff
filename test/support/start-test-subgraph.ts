import { QueryCounter } from '../../common/src/db/query-counter';
import { loadSubgraphConfig } from '../../common/src/subgraph/subgraph-config';
import type { SubgraphContext, SubgraphDefinition } from '../../common/src/subgraph/subgraph-definition';
import { type RunningSubgraph, startSubgraph } from '../../common/src/subgraph/start-subgraph';
import { createTestDatabase } from './databases';

export const TEST_HUB_SECRET = 'test-hub-secret-0123456789abcdef0123456789';

export interface TestSubgraph extends RunningSubgraph {
  sql: QueryCounter;
  databaseUrl: string;
}

/**
 * Starts a subgraph on a random port with its own throwaway database (migrated), real
 * HTTP and a SQL statement counter. `stop()` also drops the database.
 */
export async function startTestSubgraph<T extends SubgraphContext>(definition: SubgraphDefinition<T>): Promise<TestSubgraph> {
  const database = await createTestDatabase(definition.name);
  const sql = new QueryCounter();
  const config = loadSubgraphConfig(0, {
    APP_MODE: 'test',
    PORT: '0',
    DATABASE_URL: database.url,
    HUB_SIGNING_SECRET: TEST_HUB_SECRET,
    LOG_LEVEL: 'silent',
  });
  const running = await startSubgraph(definition, config, { sqlLogger: sql });
  return {
    ...running,
    sql,
    databaseUrl: database.url,
    stop: async () => {
      await running.stop();
      await database.drop();
    },
  };
}
