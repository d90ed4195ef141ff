import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { ConfigError, DEVELOPMENT_HUB_SECRET, type Env } from '../common/src/config';
import { createTokenVerifier } from '../gateway/src/auth/verify-token';
import { DEFAULT_AUDIENCE, DEV_ISSUER, DEV_JWKS_FILE, DEVELOPMENT_AUDIT_CHAIN_KEY, loadConfig } from '../gateway/src/config';

const ROOT = path.resolve(__dirname, '..');
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Runs `scripts/token.ts` as `npm run token` does, with APP_MODE (and NODE_ENV) as given (unset by default). */
function runTokenScript(args: string[], appMode?: string, nodeEnv?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.APP_MODE;
  if (appMode) env.APP_MODE = appMode;
  if (nodeEnv) env.NODE_ENV = nodeEnv;
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/token.ts', ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const devVerifier = () =>
  createTokenVerifier({ issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, algorithms: ['ES256'], jwksFile: DEV_JWKS_FILE, jwksUrl: undefined, clockToleranceSeconds: 30 });

describe('scripts/token.ts', () => {
  it('prints one JWT for a demo agent that the development key set verifies', async () => {
    const { status, stdout } = runTokenScript(['agent-pmi-claire']);
    expect(status).toBe(0);
    const token = stdout.trim();
    expect(stdout).toBe(`${token}\n`);
    expect(token).toMatch(JWT);
    await expect(devVerifier()(`Bearer ${token}`)).resolves.toEqual({ id: 'agent-pmi-claire', name: 'Claire Dubois', role: 'PMI_NURSE', institution: 'PMI-75' });
  });

  it.each([
    { name: 'in production mode', args: ['agent-pmi-claire'], appMode: 'production', nodeEnv: undefined },
    // The image sets NODE_ENV=production: without APP_MODE, that is production mode.
    { name: 'under NODE_ENV=production without APP_MODE', args: ['agent-pmi-claire'], appMode: undefined, nodeEnv: 'production' },
    { name: 'for an unknown agent', args: ['agent-nobody'], appMode: undefined, nodeEnv: undefined },
    { name: 'without an agent id', args: [], appMode: undefined, nodeEnv: undefined },
  ])('refuses $name with exit code 2 and no token on stdout', ({ args, appMode, nodeEnv }) => {
    const { status, stdout, stderr } = runTokenScript(args, appMode, nodeEnv);
    expect({ status, stdout }).toEqual({ status: 2, stdout: '' });
    expect(stderr).not.toMatch(/[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/);
  });
});

describe('loadConfig (production safety)', () => {
  let dir: string;
  let ownJwks: string;
  let copiedDevJwks: string;
  const SECRET = 'production-hub-secret-0123456789abcdefghij';
  const production = (overrides: Env): Env => ({
    APP_MODE: 'production',
    HUB_SIGNING_SECRET: SECRET,
    AUDIT_CHAIN_KEY: 'production-audit-chain-key-0123456789abcdef',
    JWT_ISSUER: 'https://proconnect.example/realm',
    DATABASE_URL: 'postgres://hub@db.internal:5432/hub',
    ...overrides,
  });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cp-config-'));
    const { publicKey } = await generateKeyPair('ES256');
    ownJwks = path.join(dir, 'jwks.json');
    writeFileSync(ownJwks, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'prod-1', alg: 'ES256' }] }));
    copiedDevJwks = path.join(dir, 'dev-jwks-copy.json');
    copyFileSync(DEV_JWKS_FILE, copiedDevJwks);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The variable a ConfigError names (its message is `Configuration error: <VARIABLE> ...`). */
  function variableNamed(env: Env): string | null {
    try {
      loadConfig(env);
      return null;
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return /^Configuration error: ([A-Z_]+) /.exec((error as Error).message)?.[1] ?? 'unparsed';
    }
  }

  it.each([
    { name: 'no JWKS at all', env: () => production({}), variable: 'JWKS_FILE' },
    { name: 'the development hub secret', env: () => production({ HUB_SIGNING_SECRET: DEVELOPMENT_HUB_SECRET, JWKS_FILE: ownJwks }), variable: 'HUB_SIGNING_SECRET' },
    { name: 'no hub secret', env: () => production({ HUB_SIGNING_SECRET: undefined, JWKS_FILE: ownJwks }), variable: 'HUB_SIGNING_SECRET' },
    { name: 'the development key set', env: () => production({ JWKS_FILE: DEV_JWKS_FILE }), variable: 'JWKS_FILE' },
    { name: 'the development key set by a relative path', env: () => production({ JWKS_FILE: path.relative(process.cwd(), DEV_JWKS_FILE) }), variable: 'JWKS_FILE' },
    { name: 'the development key set by a roundabout path', env: () => production({ JWKS_FILE: `${path.dirname(DEV_JWKS_FILE)}/../keys/dev-jwks.json` }), variable: 'JWKS_FILE' },
    { name: 'no issuer', env: () => production({ JWT_ISSUER: undefined, JWKS_FILE: ownJwks }), variable: 'JWT_ISSUER' },
    // The development values, however they are wrapped (an env file keeps quotes, a secret file its newline), or swapped.
    { name: 'the development hub secret in quotes', env: () => production({ HUB_SIGNING_SECRET: `"${DEVELOPMENT_HUB_SECRET}"`, JWKS_FILE: ownJwks }), variable: 'HUB_SIGNING_SECRET' },
    { name: 'the development hub secret and a newline', env: () => production({ HUB_SIGNING_SECRET: `${DEVELOPMENT_HUB_SECRET}\n`, JWKS_FILE: ownJwks }), variable: 'HUB_SIGNING_SECRET' },
    { name: 'the development audit key as hub secret', env: () => production({ HUB_SIGNING_SECRET: DEVELOPMENT_AUDIT_CHAIN_KEY, JWKS_FILE: ownJwks }), variable: 'HUB_SIGNING_SECRET' },
    { name: 'the development audit key and a newline', env: () => production({ AUDIT_CHAIN_KEY: `${DEVELOPMENT_AUDIT_CHAIN_KEY}\n`, JWKS_FILE: ownJwks }), variable: 'AUDIT_CHAIN_KEY' },
    { name: 'the development hub secret as audit key', env: () => production({ AUDIT_CHAIN_KEY: DEVELOPMENT_HUB_SECRET, JWKS_FILE: ownJwks }), variable: 'AUDIT_CHAIN_KEY' },
    // The hub secret is held by every subgraph: as the audit key, any of them could rewrite the chain.
    { name: 'the hub secret as audit key', env: () => production({ AUDIT_CHAIN_KEY: SECRET, JWKS_FILE: ownJwks }), variable: 'AUDIT_CHAIN_KEY' },
    // Over http, whoever is on the path serves the key set, and so signs any token.
    { name: 'a key set URL over http', env: () => production({ JWKS_URL: 'http://idp.example/jwks' }), variable: 'JWKS_URL' },
    { name: 'the development runtime login password', env: () => production({ JWKS_FILE: ownJwks, DATABASE_URL: 'postgres://cp_hub_app:cp_hub_app_dev_only@db.internal:5432/hub' }), variable: 'DATABASE_URL' },
    { name: 'the development owner password', env: () => production({ JWKS_FILE: ownJwks, MIGRATION_DATABASE_URL: 'postgres://postgres:postgres@db.internal:5432/hub' }), variable: 'MIGRATION_DATABASE_URL' },
    // The image sets NODE_ENV=production; without APP_MODE the hub ran in development mode,
    // with the development key set (whose private half is in this repository) and secrets.
    { name: 'NODE_ENV=production and no APP_MODE nor secrets', env: () => ({ NODE_ENV: 'production', DATABASE_URL: 'postgres://hub@db.internal:5432/hub' }), variable: 'HUB_SIGNING_SECRET' },
    { name: 'NODE_ENV=production, no APP_MODE and the development key set', env: () => production({ APP_MODE: undefined, NODE_ENV: 'production', JWKS_FILE: DEV_JWKS_FILE }), variable: 'JWKS_FILE' },
  ])('refuses to start in production with $name, naming $variable', ({ env, variable }) => {
    expect(variableNamed(env())).toBe(variable);
  });

  // A copy of the development key set is still a key set whose private half is public.
  it('refuses a copy of the development key set in production, naming JWKS_FILE', () => {
    expect(variableNamed(production({ JWKS_FILE: copiedDevJwks }))).toBe('JWKS_FILE');
  });

  it('starts in production with its own key set and secrets (so the refusals above are specific)', () => {
    const config = loadConfig(production({ JWKS_FILE: ownJwks }));
    expect(config.jwt).toEqual({
      issuer: 'https://proconnect.example/realm', audience: DEFAULT_AUDIENCE, algorithms: ['ES256'],
      jwksFile: ownJwks, jwksUrl: undefined, clockToleranceSeconds: 30,
    });
    expect(config.hubSecret).toBe(SECRET);
  });

  it('is in production mode under NODE_ENV=production without APP_MODE, and in the mode APP_MODE names when set', () => {
    expect(loadConfig(production({ APP_MODE: undefined, NODE_ENV: 'production', JWKS_FILE: ownJwks }))).toMatchObject({ mode: 'production', trustedOperations: 'enforce' });
    // What the compose file and the bench do: an explicit development mode under the image's NODE_ENV.
    expect(loadConfig({ APP_MODE: 'development', NODE_ENV: 'production', DATABASE_URL: 'postgres://hub@localhost:5432/hub' }).mode).toBe('development');
  });

  it('starts in production with a key set over https and database passwords of its own', () => {
    const config = loadConfig(production({ JWKS_URL: 'https://idp.example/jwks', DATABASE_URL: 'postgres://cp_hub_app:s3cret-of-its-own@db.internal:5432/hub', MIGRATION_DATABASE_URL: 'postgres://owner@db.internal:5432/hub' }));
    expect(config.jwt.jwksUrl).toBe('https://idp.example/jwks');
  });

  it('falls back to the development key set and issuer outside production', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://hub@localhost:5432/hub' }).jwt).toEqual({
      issuer: DEV_ISSUER, audience: DEFAULT_AUDIENCE, algorithms: ['ES256'], jwksFile: DEV_JWKS_FILE, jwksUrl: undefined, clockToleranceSeconds: 30,
    });
  });
});
