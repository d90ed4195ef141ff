import { ApolloServer } from '@apollo/server';
import type { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { createDataSource, openAndMigrate } from '../db/data-source.js';
import { checkHubSignatureHeaders, decodeViewer, HUB_SIGNATURE_HEADER, HUB_TIMESTAMP_HEADER, HUB_VIEWER_HEADER, verifyHubSignature } from '../hub-signature.js';
import type { Viewer } from '../domain.js';
import { disabledApolloDefaults, HARDENED_APOLLO_OPTIONS } from '../http/apollo-options.js';
import { type RunningHttpServer, serveGraphQL } from '../http/serve-graphql.js';
import { createLogger } from '../log.js';
import { createSubgraphFormatError } from './format-error.js';
import { requestLogPlugin } from '../http/request-log.plugin.js';
import type { SubgraphConfig } from './subgraph-config.js';
import type { SubgraphContext, SubgraphDefinition } from './subgraph-definition.js';

export interface RunningSubgraph {
  name: string;
  url: string;
  dataSource: DataSource;
  http: RunningHttpServer;
  stop(): Promise<void>;
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Starts one subgraph: opens its database, applies migrations, builds the schema and serves
 * it over HTTP, refusing every request (`_service` and `_entities` included) that does not
 * carry a fresh hub signature made for this subgraph.
 */
export async function startSubgraph<TContext extends SubgraphContext>(
  definition: SubgraphDefinition<TContext>,
  config: SubgraphConfig,
  options: { sqlLogger?: TypeOrmLogger } = {},
): Promise<RunningSubgraph> {
  const logger = createLogger(definition.name, config.logLevel);
  const dataSource = createDataSource({
    url: config.databaseUrl,
    applicationName: `cp-${definition.name}`,
    entities: definition.entities,
    migrations: definition.migrations,
    poolSize: config.dbPoolSize,
    queryTimeoutMs: config.dbQueryTimeoutMs,
    logger: options.sqlLogger,
  });
  await openAndMigrate(dataSource);
  const apollo = new ApolloServer<TContext>({
    schema: await definition.buildSchema(),
    introspection: false,
    ...HARDENED_APOLLO_OPTIONS,
    formatError: createSubgraphFormatError(logger),
    plugins: [...disabledApolloDefaults<TContext>(), requestLogPlugin<TContext>(logger, (context) => ({ requestId: context.requestId, agentId: context.viewer?.agentId ?? null }))],
  });
  await apollo.start();
  const http = await serveGraphQL({
    apollo,
    logger,
    host: config.host,
    port: config.port,
    maxBodyBytes: config.maxBodyBytes,
    authenticate: async (request, body) => {
      const signature = header(request.headers[HUB_SIGNATURE_HEADER]);
      const timestamp = header(request.headers[HUB_TIMESTAMP_HEADER]);
      // Headers first: a caller without a well-formed, fresh signature is refused before its
      // body is read.
      const headers = checkHubSignatureHeaders({ maxAgeMs: config.signatureMaxAgeMs, signature, timestamp });
      const check = !headers.ok
        ? headers
        : verifyHubSignature({
            secret: config.hubSecret,
            subgraph: definition.name,
            maxAgeMs: config.signatureMaxAgeMs,
            signature,
            timestamp,
            method: request.method ?? 'POST',
            path: new URL(request.url ?? '/', 'http://localhost').pathname,
            viewer: header(request.headers[HUB_VIEWER_HEADER]) ?? '',
            body: await body(),
          });
      if (check.ok) return { ok: true, value: decodeViewer(header(request.headers[HUB_VIEWER_HEADER]) ?? '') };
      logger.warn('hub_signature.refused', { reason: check.reason });
      return { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'Subgraphs answer the hub only' };
    },
    context: async ({ requestId, auth }: { requestId: string; auth: Viewer | null }) =>
      definition.createContext({ dataSource, requestId, viewer: auth }),
  });
  logger.info('subgraph.started', { url: http.url });
  return {
    name: definition.name,
    url: http.url,
    dataSource,
    http,
    stop: async () => {
      await http.close();
      await dataSource.destroy();
    },
  };
}
