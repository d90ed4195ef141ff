import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { documentId } from './operation-id.js';

export interface TrustedOperationsManifest {
  /** Operation id (see operation-id.ts) → file it came from. */
  operations: Record<string, string>;
}

export function readTrustedOperations(file: string): ReadonlySet<string> {
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as TrustedOperationsManifest;
  return new Set(Object.keys(manifest.operations));
}

/**
 * Enforcing mode: an operation runs only if its normalised text is in the allow-list built
 * from the journeys' operations (`npm run compose`). Anything else: OPERATION_NOT_TRUSTED.
 */
export function trustedOperationsPlugin(trusted: ReadonlySet<string>): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document }) {
          if (!trusted.has(documentId(document))) {
            throw new GraphQLError('This operation is not on the trusted list', { extensions: { code: 'OPERATION_NOT_TRUSTED', http: { status: 400 } } });
          }
        },
      };
    },
  };
}
