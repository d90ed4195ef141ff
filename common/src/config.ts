/**
 * Small readers for `loadConfig(env)` functions. Each deployable has one config module that
 * is the only reader of `process.env`; a bad value stops start-up with a message naming
 * the variable (and never echoing a secret).
 */
export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Configuration error: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

export function readString(env: Env, name: string, fallback?: string): string {
  const value = env[name];
  if (value === undefined || value === '') {
    if (fallback !== undefined) return fallback;
    throw new ConfigError(name, 'is required');
  }
  return value;
}

export function readOptional(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

export function readInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, 'must be a whole number');
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}`);
  return value;
}

export function readPort(env: Env, name: string, fallback: number): number {
  return readInt(env, name, fallback, 0, 65535);
}

export function readEnum<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}`);
  return raw as T;
}

export function readSecret(env: Env, name: string, minLength: number, fallback?: string): string {
  const value = readString(env, name, fallback);
  if (value.length < minLength) throw new ConfigError(name, `must be at least ${minLength} characters`);
  return value;
}

export function readUrl(env: Env, name: string, fallback?: string): string {
  const value = readString(env, name, fallback);
  try {
    new URL(value);
  } catch {
    throw new ConfigError(name, 'must be a URL');
  }
  return value;
}

export const APP_MODES = ['development', 'production', 'test'] as const;
export type AppMode = (typeof APP_MODES)[number];

/**
 * APP_MODE, or production when it is unset and NODE_ENV is `production` (as the image sets
 * it): a deployment that forgets APP_MODE must not run on the development key and secrets.
 * The compose file and the bench say `APP_MODE=development` explicitly.
 */
export function readAppMode(env: Env): AppMode {
  return readEnum(env, 'APP_MODE', APP_MODES, env.NODE_ENV === 'production' ? 'production' : 'development');
}

/**
 * The development-only hub secret: known to everyone who reads this repository, so a
 * production-mode service refuses to start with it.
 */
export const DEVELOPMENT_HUB_SECRET = 'development-only-hub-secret-do-not-use-in-production';
/** The development-only audit chain key; refused in production, as the hub secret too. */
export const DEVELOPMENT_AUDIT_CHAIN_KEY = 'development-only-audit-chain-key-not-secret';
/** Database passwords of the repository (compose, `npm start`, the hub's runtime login). */
const DEVELOPMENT_DATABASE_PASSWORDS: readonly string[] = ['postgres', 'cp_hub_app_dev_only'];

/**
 * A secret read in production: required, long enough, and not one of the repository's
 * development values, also wrapped in quotes (an env file keeps them), spaces or a newline
 * (a secret file's). The message never shows the value.
 */
export function readProductionSecret(env: Env, name: string, minLength: number): string {
  const value = readSecret(env, name, minLength);
  if ([DEVELOPMENT_HUB_SECRET, DEVELOPMENT_AUDIT_CHAIN_KEY].some((development) => value.includes(development))) {
    throw new ConfigError(name, 'must not be a development value in production');
  }
  return value;
}

/**
 * A secret as the mode wants it: in production, `readProductionSecret`; otherwise the
 * repository's development value when unset.
 */
export function readModeSecret(env: Env, mode: AppMode, name: string, minLength: number, developmentValue: string): string {
  return mode === 'production' ? readProductionSecret(env, name, minLength) : readSecret(env, name, minLength, developmentValue);
}

/** In production, a database URL must not carry a password of this repository. */
export function refuseDevelopmentDatabasePassword(name: string, url: string): void {
  const password = decodeURIComponent(new URL(url).password);
  if (DEVELOPMENT_DATABASE_PASSWORDS.includes(password)) throw new ConfigError(name, 'must not use a development password in production');
}
