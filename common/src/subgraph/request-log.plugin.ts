import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../log.js';
import type { SubgraphContext } from './subgraph-definition.js';

/**
 * One JSON line per request a subgraph serves, under the hub's request id, so one client
 * request can be followed across the hub and every institution. Ids and codes only.
 */
export function subgraphRequestLogPlugin(logger: Logger): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operationName }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          logger.info('request', {
            requestId: contextValue.requestId,
            agentId: contextValue.viewer?.agentId ?? null,
            operationName: operationName ?? null,
            durationMs: Number((process.hrtime.bigint() - started) / 1_000n) / 1_000,
            outcome: errors.length === 0 ? 'ok' : [...new Set(errors.map((error) => String(error.extensions?.code ?? 'UNKNOWN')))].sort().join(','),
          });
        },
      };
    },
  };
}
