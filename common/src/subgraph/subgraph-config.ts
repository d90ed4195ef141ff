import {
  type AppMode,
  ConfigError,
  DEVELOPMENT_HUB_SECRET,
  type Env,
  readAppMode,
  readInt,
  readPort,
  readModeSecret,
  readString,
  readUrl,
  refuseDevelopmentDatabasePassword,
} from '../config.js';
import { isLogLevel, type LogLevel } from '../log.js';

export interface SubgraphConfig {
  readonly mode: AppMode;
  readonly host: string;
  readonly port: number;
  /** This service's own database. */
  readonly databaseUrl: string;
  /** Shared with the hub only; signs every hub → subgraph request. */
  readonly hubSecret: string;
  /** @default 30000 — a signature older (or further in the future) than this is refused. */
  readonly signatureMaxAgeMs: number;
  /** @default 1048576 */
  readonly maxBodyBytes: number;
  /** @default 10 */
  readonly dbPoolSize: number;
  /** @default 12000 — stop waiting for the database after this long (createDataSource). */
  readonly dbQueryTimeoutMs: number;
  readonly logLevel: LogLevel;
}

/**
 * Reads a subgraph's configuration: `PORT`, `HOST`, `DATABASE_URL`, `HUB_SIGNING_SECRET`,
 * `HUB_SIGNATURE_MAX_AGE_MS`, `MAX_BODY_BYTES`, `DB_POOL_SIZE`,
 * `DB_QUERY_TIMEOUT_MS`, `LOG_LEVEL`, `APP_MODE` (production when unset under NODE_ENV=production).
 */
export function loadSubgraphConfig(defaultPort: number, env: Env = process.env): SubgraphConfig {
  const mode = readAppMode(env);
  const hubSecret = readModeSecret(env, mode, 'HUB_SIGNING_SECRET', 32, DEVELOPMENT_HUB_SECRET);
  const databaseUrl = readUrl(env, 'DATABASE_URL');
  if (mode === 'production') refuseDevelopmentDatabasePassword('DATABASE_URL', databaseUrl);
  const logLevel = readString(env, 'LOG_LEVEL', 'info');
  if (!isLogLevel(logLevel)) throw new ConfigError('LOG_LEVEL', 'must be debug, info, warn, error or silent');
  return Object.freeze({
    mode,
    host: readString(env, 'HOST', '127.0.0.1'),
    port: readPort(env, 'PORT', defaultPort),
    databaseUrl,
    hubSecret,
    signatureMaxAgeMs: readInt(env, 'HUB_SIGNATURE_MAX_AGE_MS', 30_000, 1_000, 300_000),
    maxBodyBytes: readInt(env, 'MAX_BODY_BYTES', 1_048_576, 1_024, 16_777_216),
    dbPoolSize: readInt(env, 'DB_POOL_SIZE', 10, 1, 100),
    dbQueryTimeoutMs: readInt(env, 'DB_QUERY_TIMEOUT_MS', 12_000, 100, 600_000),
    logLevel,
  });
}
