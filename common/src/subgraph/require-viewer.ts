import { GraphQLError } from 'graphql';
import type { Viewer } from '../domain.js';
import type { SubgraphContext } from './subgraph-definition.js';

/**
 * The agent a write is made for. The hub decides which roles may call which operation;
 * a subgraph still refuses a write that arrives without an agent to attribute it to.
 */
export function requireViewer(context: SubgraphContext): Viewer {
  if (!context.viewer) throw new GraphQLError('This operation needs an authenticated agent', { extensions: { code: 'FORBIDDEN' } });
  return context.viewer;
}
