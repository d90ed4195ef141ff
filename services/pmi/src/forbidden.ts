import { GraphQLError } from 'graphql';

/**
 * FORBIDDEN, as `requireViewer` answers it. common/src/errors.ts has no factory for this
 * code yet, so this subgraph declares its one use here.
 */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}
