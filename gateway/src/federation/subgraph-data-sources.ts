import { type GraphQLDataSource, RemoteGraphQLDataSource } from '@apollo/gateway';
import { type DocumentNode, execute, type GraphQLSchema, parse, validate } from 'graphql';
import { encodeViewer, HUB_VIEWER_HEADER, REQUEST_ID_HEADER } from '../../../common/src/hub-signature.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../config.js';
import type { HubContext } from '../context.js';
import { sourceUnavailable } from '../errors.js';
import { SOURCE_OF } from '../facts/care-relationships.loader.js';
import { BoundedCache } from '../plugins/bounded-cache.js';
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
 * The hub's own subgraph, executed in-process. Unlike `LocalGraphQLDataSource`, which parses
 * and validates every fetch, it keeps the documents it has validated, by text: the planner
 * sends the same few fetch texts again and again.
 */
class InProcessDataSource implements GraphQLDataSource<HubContext> {
  private readonly documents = new BoundedCache<string, DocumentNode>(1_000);

  constructor(private readonly schema: GraphQLSchema) {}

  async process({ request, context }: Parameters<GraphQLDataSource<HubContext>['process']>[0]): ReturnType<GraphQLDataSource<HubContext>['process']> {
    const source = request.query ?? '';
    let document = this.documents.get(source);
    if (!document) {
      let parsed: DocumentNode;
      try {
        parsed = parse(source);
      } catch (error) {
        return { errors: [error as Error & { message: string }] };
      }
      const errors = validate(this.schema, parsed);
      if (errors.length > 0) return { errors };
      this.documents.set(source, (document = parsed));
    }
    return execute({ schema: this.schema, document, variableValues: request.variables, operationName: request.operationName, contextValue: context });
  }
}

/**
 * `buildService` for ApolloGateway: the hub's own subgraph runs in-process; the four
 * institutions are called over HTTP at the URLs of the configuration (the URLs written in
 * the checked-in supergraph are placeholders and never used).
 */
export function createBuildService(args: { hubSchema: GraphQLSchema; urls: Readonly<Record<SubgraphName, string>>; fetch: SignedFetch }) {
  return ({ name }: { name: string; url?: string }): GraphQLDataSource<HubContext> => {
    if (name === 'hub') return new InProcessDataSource(args.hubSchema);
    if (!isSubgraphName(name)) throw new Error(`Unknown subgraph in supergraph: ${name}`);
    return new SignedRemoteDataSource(name, {
      url: args.urls[name],
      fetcher: (url, init) => args.fetch(url, { subgraph: name, method: init?.method, headers: init?.headers, body: init?.body as string }),
    });
  };
}
