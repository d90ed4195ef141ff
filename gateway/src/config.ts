import { readFileSync } from 'node:fs';
import path from 'node:path';
import { jwkThumbprint } from './auth/jwk-thumbprint.js';
import type { RequestLimits } from './limits/request-limits.js';
import {
  type AppMode,
  ConfigError,
  DEVELOPMENT_AUDIT_CHAIN_KEY,
  DEVELOPMENT_HUB_SECRET,
  type Env,
  readAppMode,
  readEnum,
  readInt,
  readOptional,
  readPort,
  readModeSecret,
  readString,
  readUrl,
  refuseDevelopmentDatabasePassword,
} from '../../common/src/config.js';
import { isLogLevel, type LogLevel } from '../../common/src/log.js';

export const SUBGRAPH_NAMES = ['ase', 'pmi', 'rpe', 'justice'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

const DEFAULT_SUBGRAPH_PORTS: Record<SubgraphName, number> = { ase: 4001, pmi: 4002, rpe: 4003, justice: 4004 };
const ALGORITHMS = ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'] as const;
export type JwtAlgorithm = (typeof ALGORITHMS)[number];

/** Where the repository keeps its development-only key pair (refused in production). */
export const DEV_JWKS_FILE = path.resolve(__dirname, '../../dev/keys/dev-jwks.json');
export const DEV_ISSUER = 'https://hub.localhost/dev-issuer';
export const DEFAULT_AUDIENCE = 'child-protection-hub';
/** Development-only audit chain key; refused in production. */
export { DEVELOPMENT_AUDIT_CHAIN_KEY };

export interface HubConfig {
  readonly mode: AppMode;
  readonly host: string;
  /** @default 4000 */
  readonly port: number;
  /** The hub's own database as the least-privileged runtime role (member of `cp_hub_runtime`). */
  readonly databaseUrl: string;
  /** The same database as its owner, for migrations only. @default databaseUrl */
  readonly migrationDatabaseUrl: string;
  /** Key of the audit log's HMAC chain: without it, a rewritten chain cannot be made to verify. */
  readonly auditChainKey: string;
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  readonly hubSecret: string;
  /** @default 10000 — a subgraph call slower than this is abandoned. */
  readonly subgraphTimeoutMs: number;
  readonly supergraphFile: string;
  readonly jwt: {
    readonly issuer: string;
    readonly audience: string;
    readonly algorithms: readonly JwtAlgorithm[];
    readonly jwksFile: string | undefined;
    readonly jwksUrl: string | undefined;
    /** @default 30 — tolerated clock skew for exp/nbf. */
    readonly clockToleranceSeconds: number;
  };
  /** @default 1048576 */
  readonly maxBodyBytes: number;
  /** Refused before execution, each with its own code; never echoed to the client. */
  readonly limits: Readonly<RequestLimits>;
  /**
   * `enforce`: only the operations of schema/trusted-operations.json are executed.
   * @default enforce in production, off otherwise
   */
  readonly trustedOperations: 'enforce' | 'off';
  /** @default schema/trusted-operations.json */
  readonly trustedOperationsFile: string;
  readonly dbPoolSize: number;
  /**
   * @default 12000 — the hub stops waiting for its own database after this long (two seconds
   * past the server's statement timeout, which a stopped backend cannot enforce) and answers
   * SOURCE_UNAVAILABLE or AUDIT_UNAVAILABLE instead of hanging.
   */
  readonly dbQueryTimeoutMs: number;
  /**
   * @default 60000 — how often the hub logs the audit chain's head (`audit.head`, seq and
   * hash) when it has moved: an anchor outside the database, for `audit:verify --expect-head`.
   */
  readonly auditAnchorIntervalMs: number;
  readonly logLevel: LogLevel;
}

/** Thumbprints of the development key set, which everybody with this repository can sign for. */
export function developmentKeyThumbprints(): Set<string> {
  const keys = (JSON.parse(readFileSync(DEV_JWKS_FILE, 'utf8')) as { keys: Array<Record<string, unknown>> }).keys;
  return new Set(keys.map(jwkThumbprint).filter((thumbprint): thumbprint is string => thumbprint !== null));
}

/** True when a key set file holds any development key, wherever it was copied to. */
function containsDevelopmentKey(file: string): boolean {
  let keys: Array<Record<string, unknown>>;
  try {
    keys = (JSON.parse(readFileSync(file, 'utf8')) as { keys?: Array<Record<string, unknown>> }).keys ?? [];
  } catch {
    throw new ConfigError('JWKS_FILE', 'must be a readable JSON Web Key Set');
  }
  const development = developmentKeyThumbprints();
  return keys.some((key) => development.has(jwkThumbprint(key) ?? ''));
}

function subgraphUrl(env: Env, name: SubgraphName): string {
  const variable = `${name.toUpperCase()}_URL`;
  return readUrl(env, variable, `http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS[name]}/graphql`);
}

function readAlgorithms(env: Env): JwtAlgorithm[] {
  const raw = readString(env, 'JWT_ALGORITHMS', 'ES256');
  const list = raw.split(',').map((item) => item.trim());
  for (const item of list) {
    if (!(ALGORITHMS as readonly string[]).includes(item)) throw new ConfigError('JWT_ALGORITHMS', `must list only ${ALGORITHMS.join(', ')}`);
  }
  return list as JwtAlgorithm[];
}

/**
 * The hub's configuration, read once from the environment. `.env.example` lists every
 * variable. In production (APP_MODE, or NODE_ENV=production without it) the development
 * key pair, secrets and database passwords are refused.
 */
export function loadConfig(env: Env = process.env): HubConfig {
  const mode = readAppMode(env);
  const production = mode === 'production';
  const hubSecret = readModeSecret(env, mode, 'HUB_SIGNING_SECRET', 32, DEVELOPMENT_HUB_SECRET);
  const auditChainKey = readModeSecret(env, mode, 'AUDIT_CHAIN_KEY', 32, DEVELOPMENT_AUDIT_CHAIN_KEY);
  // Every subgraph holds the hub secret: as the audit key, any of them could rewrite the chain.
  if (production && auditChainKey.trim() === hubSecret.trim()) throw new ConfigError('AUDIT_CHAIN_KEY', 'must differ from HUB_SIGNING_SECRET in production');
  const databaseUrl = readUrl(env, 'DATABASE_URL');
  const migrationDatabaseUrl = readUrl(env, 'MIGRATION_DATABASE_URL', databaseUrl);
  if (production) {
    refuseDevelopmentDatabasePassword('DATABASE_URL', databaseUrl);
    refuseDevelopmentDatabasePassword('MIGRATION_DATABASE_URL', migrationDatabaseUrl);
  }
  const jwksUrl = readOptional(env, 'JWKS_URL');
  // Over http, whoever is on the path serves the key set, and so signs any token.
  if (production && jwksUrl && new URL(readUrl(env, 'JWKS_URL')).protocol !== 'https:') throw new ConfigError('JWKS_URL', 'must be an https URL in production');
  let jwksFile = readOptional(env, 'JWKS_FILE');
  if (!jwksFile && !jwksUrl) {
    if (mode === 'production') throw new ConfigError('JWKS_FILE', 'or JWKS_URL is required in production');
    jwksFile = DEV_JWKS_FILE;
  }
  if (mode === 'production' && jwksFile && (path.resolve(jwksFile) === DEV_JWKS_FILE || containsDevelopmentKey(jwksFile))) {
    throw new ConfigError('JWKS_FILE', 'must not contain the development key in production');
  }
  const logLevel = readString(env, 'LOG_LEVEL', 'info');
  if (!isLogLevel(logLevel)) throw new ConfigError('LOG_LEVEL', 'must be debug, info, warn, error or silent');
  return Object.freeze({
    mode,
    host: readString(env, 'HOST', '127.0.0.1'),
    port: readPort(env, 'PORT', 4000),
    databaseUrl,
    migrationDatabaseUrl,
    auditChainKey,
    subgraphUrls: Object.freeze({
      ase: subgraphUrl(env, 'ase'),
      pmi: subgraphUrl(env, 'pmi'),
      rpe: subgraphUrl(env, 'rpe'),
      justice: subgraphUrl(env, 'justice'),
    }),
    hubSecret,
    subgraphTimeoutMs: readInt(env, 'SUBGRAPH_TIMEOUT_MS', 10_000, 100, 120_000),
    supergraphFile: readString(env, 'SUPERGRAPH_FILE', path.resolve(__dirname, '../../schema/supergraph.graphql')),
    jwt: Object.freeze({
      issuer: readString(env, 'JWT_ISSUER', mode === 'production' ? undefined : DEV_ISSUER),
      audience: readString(env, 'JWT_AUDIENCE', DEFAULT_AUDIENCE),
      algorithms: Object.freeze(readAlgorithms(env)),
      jwksFile,
      jwksUrl,
      clockToleranceSeconds: readInt(env, 'JWT_CLOCK_TOLERANCE_SECONDS', 30, 0, 300),
    }),
    maxBodyBytes: readInt(env, 'MAX_BODY_BYTES', 1_048_576, 1_024, 16_777_216),
    limits: Object.freeze({
      maxDepth: readInt(env, 'MAX_QUERY_DEPTH', 12, 2, 50),
      maxAliases: readInt(env, 'MAX_QUERY_ALIASES', 15, 0, 500),
      maxTokens: readInt(env, 'MAX_QUERY_TOKENS', 3_000, 50, 100_000),
      maxDirectives: readInt(env, 'MAX_QUERY_DIRECTIVES', 30, 0, 500),
      maxCost: readInt(env, 'MAX_QUERY_COST', 100_000, 10, 10_000_000),
      defaultListSize: readInt(env, 'QUERY_COST_DEFAULT_LIST_SIZE', 20, 1, 10_000),
    }),
    trustedOperationsFile: readString(env, 'TRUSTED_OPERATIONS_FILE', path.resolve(__dirname, '../../schema/trusted-operations.json')),
    trustedOperations: readEnum(env, 'TRUSTED_OPERATIONS', ['enforce', 'off'] as const, mode === 'production' ? 'enforce' : 'off'),
    dbPoolSize: readInt(env, 'DB_POOL_SIZE', 10, 1, 100),
    dbQueryTimeoutMs: readInt(env, 'DB_QUERY_TIMEOUT_MS', 12_000, 100, 600_000),
    auditAnchorIntervalMs: readInt(env, 'AUDIT_ANCHOR_INTERVAL_MS', 60_000, 100, 86_400_000),
    logLevel,
  });
}
