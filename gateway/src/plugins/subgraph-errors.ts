import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Codes a subgraph returns on purpose, which reach the client as they are. */
const TYPED_SUBGRAPH_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN']);

/**
 * Errors from the planner's fetches: a typed error of a subgraph passes through; anything
 * else (connection refused, timeout, 5xx, an internal error) becomes SOURCE_UNAVAILABLE
 * naming the institution, without the subgraph's URL or message.
 */
export function normaliseSubgraphError(error: GraphQLError | GraphQLFormattedError): GraphQLError | GraphQLFormattedError {
  const extensions = error.extensions ?? {};
  const serviceName = typeof extensions.serviceName === 'string' ? extensions.serviceName : null;
  // The hub's own subgraph runs in-process: its errors are already the hub's (typed or internal).
  if (!serviceName || serviceName === 'hub') return error;
  const code = typeof extensions.code === 'string' ? extensions.code : '';
  if (TYPED_SUBGRAPH_CODES.has(code)) return error;
  const source = serviceName.toUpperCase();
  return new GraphQLError(`The ${source} service is unavailable`, { path: error.path, extensions: { code: 'SOURCE_UNAVAILABLE', source } });
}
