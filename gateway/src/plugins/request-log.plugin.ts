import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../../../common/src/log.js';
import type { HubContext } from '../context.js';

/**
 * One JSON log line per GraphQL request: request id, agent, role, operation name, duration
 * and outcome (the error codes, never messages or data).
 */
export function requestLogPlugin(logger: Logger): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operationName }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const codes = [...new Set(errors.map((error) => String(error.extensions?.code ?? 'UNKNOWN')))].sort();
          logger.info('request', {
            requestId: contextValue.requestId,
            agentId: contextValue.agent.id,
            role: contextValue.agent.role,
            operationName: operationName ?? null,
            durationMs: Number((process.hrtime.bigint() - started) / 1_000n) / 1_000,
            status: response.http.status ?? 200,
            outcome: codes.length === 0 ? 'ok' : codes.join(','),
          });
        },
      };
    },
  };
}
