import 'reflect-metadata';
import { loadSubgraphConfig } from '../../common/src/subgraph/subgraph-config.js';
import { startSubgraph } from '../../common/src/subgraph/start-subgraph.js';
import { SUBGRAPHS } from '../../services/index.js';
import { createStatsChannel } from './stats-channel.js';

/** One institution's subgraph, as `npm start` runs it, with SQL and request counting. */
async function main(): Promise<void> {
  const name = process.argv[2];
  const definition = SUBGRAPHS.find((subgraph) => subgraph.name === name);
  if (!definition) throw new Error(`unknown subgraph ${name}`);
  const stats = createStatsChannel();
  const running = await startSubgraph(definition, loadSubgraphConfig(definition.defaultPort), { sqlLogger: stats.sqlLogger });
  stats.countRequests(running.http.server);
  stats.listen();
  stats.ready(running.url);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench subgraph failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
