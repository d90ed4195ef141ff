import { type GraphQLDataSource, LocalGraphQLDataSource, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
import { encodeViewer, HUB_VIEWER_HEADER, REQUEST_ID_HEADER } from '../../../common/src/hub-signature.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../config.js';
import type { HubContext } from '../context.js';
import type { SignedFetch } from './signed-fetch.js';

function isSubgraphName(name: string): name is SubgraphName {
  return (SUBGRAPH_NAMES as readonly string[]).includes(name);
}

/** A remote subgraph reached with the hub's signature, the viewer and the request id. */
class SignedRemoteDataSource extends RemoteGraphQLDataSource<HubContext> {
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<HubContext>['willSendRequest']>>[0]): void {
    if (!request.http) return;
    if ('viewer' in context && context.viewer) request.http.headers.set(HUB_VIEWER_HEADER, encodeViewer(context.viewer));
    if ('requestId' in context && context.requestId) request.http.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}

/**
 * `buildService` for ApolloGateway: the hub's own subgraph runs in-process; the four
 * institutions are called over HTTP at the URLs of the configuration (the URLs written in
 * the checked-in supergraph are placeholders and never used).
 */
export function createBuildService(args: { hubSchema: GraphQLSchema; urls: Readonly<Record<SubgraphName, string>>; fetch: SignedFetch }) {
  return ({ name }: { name: string; url?: string }): GraphQLDataSource<HubContext> => {
    if (name === 'hub') return new LocalGraphQLDataSource<HubContext>(args.hubSchema);
    if (!isSubgraphName(name)) throw new Error(`Unknown subgraph in supergraph: ${name}`);
    return new SignedRemoteDataSource({
      url: args.urls[name],
      fetcher: (url, init) => args.fetch(url, { method: init?.method, headers: init?.headers, body: init?.body as string }),
    });
  };
}
