import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { withStrictScalars } from './strict-scalars.js';

/**
 * A gateway whose executor is wrapped: the hub's policy runs around the planner's execution
 * (rewrite the operation before, redact and audit after) without touching ApolloGateway.
 */
export function wrapGatewayExecutor(gateway: GatewayInterface, wrap: (execute: GatewayExecutor) => GatewayExecutor): GatewayInterface {
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate((loaded) => callback({ ...loaded, apiSchema: withStrictScalars(loaded.apiSchema) })),
    stop: () => gateway.stop(),
    load: async (options) => {
      const loaded = await gateway.load(options);
      return { executor: loaded.executor ? wrap(loaded.executor) : null };
    },
  };
}
