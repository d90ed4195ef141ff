import { createLogger } from '../log.js';
import { loadSubgraphConfig } from './subgraph-config.js';
import type { SubgraphContext, SubgraphDefinition } from './subgraph-definition.js';
import { startSubgraph } from './start-subgraph.js';

/**
 * A subgraph process: read config, start, stop cleanly on SIGTERM/SIGINT (in-flight
 * requests finish, new ones are refused). A failed start exits non-zero.
 */
export function runSubgraphMain<TContext extends SubgraphContext>(definition: SubgraphDefinition<TContext>): void {
  const config = loadSubgraphConfig(definition.defaultPort);
  const logger = createLogger(definition.name, config.logLevel);
  startSubgraph(definition, config).then(
    (running) => {
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info('subgraph.stopping', { signal });
        running.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.on('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGINT', () => stop('SIGINT'));
    },
    (error: unknown) => {
      logger.error('subgraph.start_failed', { error: error instanceof Error ? error.message : 'unknown' });
      process.exitCode = 1;
    },
  );
}
