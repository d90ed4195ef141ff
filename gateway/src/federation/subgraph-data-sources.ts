import { type GraphQLDataSource, LocalGraphQLDataSource, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
import { encodeViewer, HUB_VIEWER_HEADER, REQUEST_ID_HEADER } from '../../../common/src/hub-signature.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../config.js';
import type { HubContext } from '../context.js';
import { sourceUnavailable } from '../errors.js';
import { SOURCE_OF } from '../facts/care-relationships.loader.js';
import type { SignedFetch } from './signed-fetch.js';

function isSubgraphName(name: string): name is SubgraphName {
  return (SUBGRAPH_NAMES as readonly string[]).includes(name);
}

/** A remote subgraph reached with the hub's signature, the viewer and the request id. */
class SignedRemoteDataSource extends RemoteGraphQLDataSource<HubContext> {
  constructor(private readonly subgraph: SubgraphName, options: ConstructorParameters<typeof RemoteGraphQLDataSource<HubContext>>[0]) {
    super(options);
  }

  /** A source that already failed in this request is not waited for a second time. */
  override process(options: Parameters<RemoteGraphQLDataSource<HubContext>['process']>[0]): ReturnType<RemoteGraphQLDataSource<HubContext>['process']> {
    const context = options.context as Partial<HubContext>;
    if (context.unavailableSources?.has(this.subgraph)) return Promise.reject(sourceUnavailable(SOURCE_OF[this.subgraph]));
    return super.process(options);
  }

  /**
   * Refused connection, timeout, 5xx, a body that is not GraphQL: the institution is
   * unavailable. The client learns which one, never the URL or the subgraph's message.
   */
  override didEncounterError(_error: Error, _request: unknown, _response: unknown, context: HubContext): void {
    context.unavailableSources?.add(this.subgraph);
    throw sourceUnavailable(SOURCE_OF[this.subgraph]);
  }

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
    return new SignedRemoteDataSource(name, {
      url: args.urls[name],
      fetcher: (url, init) => args.fetch(url, { method: init?.method, headers: init?.headers, body: init?.body as string }),
    });
  };
}
