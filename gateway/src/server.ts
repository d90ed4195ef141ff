import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { disabledApolloDefaults, HARDENED_APOLLO_OPTIONS } from '../../common/src/http/apollo-options.js';
import type { DataSource } from 'typeorm';
import { ConfigError } from '../../common/src/config.js';
import { createDataSource, openAndMigrate } from '../../common/src/db/data-source.js';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { type RunningHttpServer, serveGraphQL } from '../../common/src/http/serve-graphql.js';
import { createLogger, type Logger } from '../../common/src/log.js';
import { AuthenticationError, createTokenVerifier } from './auth/verify-token.js';
import type { HubConfig } from './config.js';
import { createHubContext, type HubContext } from './context.js';
import { HUB_ENTITIES, HUB_MIGRATIONS } from './entities.js';
import { createSignedFetch } from './federation/signed-fetch.js';
import { createBuildService } from './federation/subgraph-data-sources.js';
import { wrapGatewayExecutor } from './federation/wrap-gateway.js';
import { buildHubSchema } from './hub-subgraph/schema.js';
import { createHubFormatError } from './plugins/format-error.js';
import { requestLogPlugin } from '../../common/src/http/request-log.plugin.js';
import { requestLimitProtections } from './limits/request-limits.js';
import { readTrustedOperations, trustedOperationsPlugin } from './trusted/trusted-operations.plugin.js';
import { createPolicyExecutor } from './plugins/policy-executor.js';
import { labelsFromSupergraph } from './policy/labels.js';
import { AuditLog } from './audit/audit-log.js';
import { ReleaseRecorder } from './audit/release-recorder.js';

/** Applies the hub's migrations as the database owner, then lets go of that connection. */
export async function migrateHubDatabase(ownerUrl: string): Promise<void> {
  const owner = createDataSource({ url: ownerUrl, applicationName: 'cp-hub-migrate', entities: HUB_ENTITIES, migrations: HUB_MIGRATIONS, poolSize: 2 });
  await openAndMigrate(owner);
  await owner.destroy();
}

export interface RunningHub {
  url: string;
  http: RunningHttpServer;
  dataSource: DataSource;
  stop(): Promise<void>;
}

/**
 * Starts the hub: its database (migrated), the gateway over the checked-in supergraph, the
 * hub's own subgraph in-process, token authentication in front of everything.
 */
export async function startHub(config: HubConfig, options: { sqlLogger?: TypeOrmLogger } = {}): Promise<RunningHub> {
  const logger = createLogger('hub', config.logLevel);
  await migrateHubDatabase(config.migrationDatabaseUrl);
  // At run time the hub is a least-privileged role: it cannot rewrite the audit log.
  const dataSource = createDataSource({
    url: config.databaseUrl,
    applicationName: 'cp-hub',
    entities: HUB_ENTITIES,
    migrations: [],
    poolSize: config.dbPoolSize,
    queryTimeoutMs: config.dbQueryTimeoutMs,
    logger: options.sqlLogger,
  });
  await dataSource.initialize();
  if (config.mode === 'production') await refuseAuditOwner(dataSource);
  const audit = new AuditLog(dataSource, config.auditChainKey);
  const fetch = createSignedFetch(config.hubSecret, config.subgraphTimeoutMs);
  const supergraphSdl = readFileSync(config.supergraphFile, 'utf8');
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: createBuildService({ hubSchema: await buildHubSchema(), urls: config.subgraphUrls, fetch }),
  });
  const limits = requestLimitProtections(config.limits);
  const releases = new ReleaseRecorder(dataSource, config.auditChainKey);
  const policy = createPolicyExecutor({ labels: labelsFromSupergraph(supergraphSdl), releases, logger });
  const apollo = new ApolloServer<HubContext>({
    gateway: wrapGatewayExecutor(gateway, policy),
    introspection: config.mode === 'development',
    ...HARDENED_APOLLO_OPTIONS,
    formatError: createHubFormatError(logger),
    validationRules: limits.validationRules,
    // The parser stops past this many tokens: a huge document never becomes a huge AST.
    parseOptions: { maxTokens: config.limits.maxTokens },
    plugins: [
      ...disabledApolloDefaults<HubContext>(),
      requestLogPlugin<HubContext>(logger, (context) => ({ requestId: context.requestId, agentId: context.agent.id, role: context.agent.role })),
      ...limits.plugins,
      ...(config.trustedOperations === 'enforce' ? [trustedOperationsPlugin(readTrustedOperations(config.trustedOperationsFile))] : []),
    ],
  });
  await apollo.start();
  const verifyToken = createTokenVerifier(config.jwt, { refuseDevelopmentKeys: config.mode === 'production' });

  const http = await serveGraphQL({
    apollo,
    logger,
    host: config.host,
    port: config.port,
    maxBodyBytes: config.maxBodyBytes,
    authenticate: async (request) => {
      try {
        return { ok: true, value: await verifyToken(request.headers.authorization) };
      } catch (error) {
        if (!(error instanceof AuthenticationError)) throw error;
        logger.info('auth.refused', { reason: error.reason });
        return { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'Authentication required', challenge: 'Bearer realm="child-protection-hub"' };
      }
    },
    context: async ({ auth: agent, requestId }) => createHubContext({ config, dataSource, fetch, audit }, agent, requestId),
  });
  logger.info('hub.started', { url: http.url });
  const anchor = anchorAuditHead(audit, logger, config.auditAnchorIntervalMs);
  return {
    url: http.url,
    http,
    dataSource,
    stop: async () => {
      await http.close();
      await anchor.stop();
      await dataSource.destroy();
    },
  };
}

/**
 * In production the hub's run-time login must be the least-privileged one. Given the owner's
 * URL as DATABASE_URL (MIGRATION_DATABASE_URL defaults to it), or a superuser's, the hub ran
 * as a login that can drop the audit log's append-only triggers and rewrite it: refused.
 */
async function refuseAuditOwner(dataSource: DataSource): Promise<void> {
  const [row] = (await dataSource.query(
    `SELECT r.rolsuper OR pg_has_role(current_user, c.relowner, 'MEMBER') AS owns
       FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'audit_entry'::regclass`,
  )) as Array<{ owns: boolean }>;
  if (row?.owns !== false) {
    await dataSource.destroy();
    throw new ConfigError('DATABASE_URL', 'must be the least-privileged runtime login in production, not the owner of the audit log or a superuser');
  }
}

/**
 * Logs the audit chain's head (seq and hash) every `intervalMs` when it has moved, and once
 * more on stop. The log leaves the database: a tail cut from the table (the newest entries,
 * those most likely to be removed after a misuse) no longer verifies against the last head
 * logged (`npm run audit:verify -- --expect-head <seq>:<hash>`). A failed read is skipped.
 */
function anchorAuditHead(audit: AuditLog, logger: Logger, intervalMs: number): { stop(): Promise<void> } {
  let last: string | undefined;
  const logHead = async () => {
    const head = await audit.head().catch(() => null);
    if (!head || `${head.seq}:${head.hash}` === last) return;
    last = `${head.seq}:${head.hash}`;
    logger.info('audit.head', { seq: head.seq, hash: head.hash });
  };
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(logHead);
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
      await logHead();
    },
  };
}
