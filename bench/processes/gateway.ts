import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { createDataSource } from '../../common/src/db/data-source.js';
import { HUB_SIGNATURE_HEADER, HUB_TIMESTAMP_HEADER, HUB_VIEWER_HEADER, encodeViewer, signHubRequest } from '../../common/src/hub-signature.js';
import { serveGraphQL } from '../../common/src/http/serve-graphql.js';
import { createLogger } from '../../common/src/log.js';
import { type HubConfig, loadConfig } from '../../gateway/src/config.js';
import type { HubContext } from '../../gateway/src/context.js';
import { HUB_ENTITIES } from '../../gateway/src/entities.js';
import { createSignedFetch } from '../../gateway/src/federation/signed-fetch.js';
import { createBuildService } from '../../gateway/src/federation/subgraph-data-sources.js';
import { buildHubSchema } from '../../gateway/src/hub-subgraph/schema.js';
import { startHub } from '../../gateway/src/server.js';
import { agentFromHeader, BENCH_AGENT_HEADER, createBareContextFactory, headerOf } from './bare-context.js';
import { createStatsChannel } from './stats-channel.js';

type StatsChannel = ReturnType<typeof createStatsChannel>;

/** (a) The hub itself, as `npm start` runs it. */
async function startPolicyHub(config: HubConfig, stats: StatsChannel): Promise<string> {
  const hub = await startHub(config, { sqlLogger: stats.sqlLogger });
  stats.countRequests(hub.http.server);
  return hub.url;
}

function openHubDatabase(config: HubConfig, stats: StatsChannel) {
  const dataSource = createDataSource({ url: config.databaseUrl, applicationName: 'cp-bench-bare', entities: HUB_ENTITIES, migrations: [], poolSize: config.dbPoolSize, logger: stats.sqlLogger });
  return dataSource.initialize();
}

/**
 * (b) A bare @apollo/gateway over the same supergraph and subgraphs, with the same signed
 * fetcher and the same in-process hub subgraph, but no authentication, no policy, no audit.
 */
async function startBareApollo(config: HubConfig, stats: StatsChannel): Promise<string> {
  const dataSource = await openHubDatabase(config, stats);
  const fetch = createSignedFetch(config.hubSecret, config.subgraphTimeoutMs);
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(config.supergraphFile, 'utf8'),
    buildService: createBuildService({ hubSchema: await buildHubSchema(), urls: config.subgraphUrls, fetch }),
  });
  const apollo = new ApolloServer<HubContext>({ gateway, persistedQueries: false, csrfPrevention: true, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await apollo.start();
  const contextFor = createBareContextFactory({ config, dataSource, fetch });
  const http = await serveGraphQL({
    apollo,
    logger: createLogger('bare-apollo', 'warn'),
    host: config.host,
    port: config.port,
    maxBodyBytes: config.maxBodyBytes,
    authenticate: async (request) => ({ ok: true, value: agentFromHeader(headerOf(request, BENCH_AGENT_HEADER)) }),
    context: async ({ auth, requestId }) => contextFor(auth, requestId),
  });
  stats.countRequests(http.server);
  return http.url;
}

/**
 * (c) A bare Hive Gateway runtime over the same supergraph, with its default JavaScript
 * query planner (`hive`) or with Hive Router's Rust one (`hive_rust`). Hive cannot run the hub's
 * subgraph in-process, so this process also serves it over loopback HTTP (its CPU is
 * still counted here, as it is for the others) — one extra local hop that (a) and (b) do
 * not pay. Every subgraph call is signed by an `onFetch` plugin with the hub secret, for
 * the subgraph its URL serves.
 */
async function startHive(config: HubConfig, stats: StatsChannel, hubSubgraphPort: number, planner: 'javascript' | 'rust'): Promise<string> {
  const { createGatewayRuntime } = await import('@graphql-hive/gateway-runtime');
  // The Rust query planner (Hive Router's, as a native addon) replaces the default runtime.
  const unifiedGraphHandler = planner === 'rust' ? (await import('@graphql-hive/router-runtime')).unifiedGraphHandler : undefined;
  const { createServer } = await import('node:http');
  const dataSource = await openHubDatabase(config, stats);
  const fetch = createSignedFetch(config.hubSecret, config.subgraphTimeoutMs);
  const hubApollo = new ApolloServer<HubContext>({ schema: await buildHubSchema(), persistedQueries: false, csrfPrevention: false, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await hubApollo.start();
  const contextFor = createBareContextFactory({ config, dataSource, fetch });
  const hubSubgraph = await serveGraphQL({
    apollo: hubApollo,
    logger: createLogger('bench-hub-subgraph', 'warn'),
    host: '127.0.0.1',
    port: hubSubgraphPort,
    maxBodyBytes: config.maxBodyBytes,
    authenticate: async (request) => ({ ok: true, value: agentFromHeader(headerOf(request, BENCH_AGENT_HEADER)) }),
    context: async ({ auth, requestId }) => contextFor(auth, requestId),
  });
  const urls: Record<string, string> = { ...config.subgraphUrls, hub: hubSubgraph.url };
  // The subgraph each URL serves, so that a call is signed for its target alone.
  const subgraphAt = new Map(Object.entries(urls).map(([name, url]) => [url, name]));
  const supergraph = readFileSync(config.supergraphFile, 'utf8').replace(/@join__graph\(name: "(\w+)", url: "[^"]*"\)/g, (_match, name: string) => `@join__graph(name: "${name}", url: "${urls[name]}")`);
  const gateway = createGatewayRuntime({
    supergraph,
    ...(unifiedGraphHandler ? { unifiedGraphHandler } : {}),
    logging: process.env.BENCH_HIVE_DEBUG ? 'debug' : false,
    maskedErrors: !process.env.BENCH_HIVE_DEBUG,
    landingPage: false,
    graphiql: false,
    // Identical in-flight subgraph requests would be merged into one: the benchmark's clients
    // send identical requests as one agent, which real traffic does not, so it is off here.
    transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => {
        const header = request.headers.get(BENCH_AGENT_HEADER);
        if (!header) return {};
        const agent = agentFromHeader(header);
        return { [BENCH_AGENT_HEADER]: header, [HUB_VIEWER_HEADER]: encodeViewer({ agentId: agent.id, role: agent.role, institution: agent.institution }) };
      },
    },
    plugins: () => [
      {
        onFetch({ url, options, setOptions }) {
          const subgraph = subgraphAt.get(url);
          if (!subgraph) throw new Error(`bench hive: no subgraph is served at ${url}`);
          const headers = new Headers(options.headers as HeadersInit | undefined);
          const timestamp = Date.now();
          const body = typeof options.body === 'string' ? options.body : '';
          headers.set(HUB_TIMESTAMP_HEADER, String(timestamp));
          headers.set(HUB_SIGNATURE_HEADER, signHubRequest(config.hubSecret, subgraph, timestamp, options.method ?? 'POST', new URL(url).pathname, headers.get(HUB_VIEWER_HEADER) ?? '', body));
          setOptions({ ...options, headers: Object.fromEntries(headers.entries()) });
        },
      },
    ],
  });
  const server = createServer(gateway);
  stats.countRequests(server);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  return `http://${config.host}:${config.port}/graphql`;
}

async function main(): Promise<void> {
  const kind = process.argv[2];
  const config = loadConfig(process.env);
  const stats = createStatsChannel();
  let url: string;
  if (kind === 'hub') url = await startPolicyHub(config, stats);
  else if (kind === 'apollo') url = await startBareApollo(config, stats);
  else if (kind === 'hive' || kind === 'hive_rust') url = await startHive(config, stats, Number(process.env.BENCH_HUB_SUBGRAPH_PORT ?? '0'), kind === 'hive' ? 'javascript' : 'rust');
  else throw new Error(`unknown gateway kind ${kind}`);
  stats.listen();
  stats.ready(url);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench gateway failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
