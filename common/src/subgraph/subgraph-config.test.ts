import { ConfigError, DEVELOPMENT_AUDIT_CHAIN_KEY, DEVELOPMENT_HUB_SECRET, type Env } from '../config';
import { loadSubgraphConfig } from './subgraph-config';

const SECRET = 'production-hub-secret-0123456789abcdefghij';
const production = (overrides: Env): Env => ({
  APP_MODE: 'production',
  HUB_SIGNING_SECRET: SECRET,
  DATABASE_URL: 'postgres://ase:own-password@db.internal:5432/ase',
  ...overrides,
});

/** The variable a ConfigError names (its message is `Configuration error: <VARIABLE> ...`), or null. */
function variableNamed(env: Env): string | null {
  try {
    loadSubgraphConfig(4001, env);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return /^Configuration error: ([A-Z_]+) /.exec((error as Error).message)?.[1] ?? 'unparsed';
  }
}

describe('loadSubgraphConfig (production safety)', () => {
  it.each([
    { name: 'no hub secret', env: () => production({ HUB_SIGNING_SECRET: undefined }), variable: 'HUB_SIGNING_SECRET' },
    { name: 'an empty hub secret', env: () => production({ HUB_SIGNING_SECRET: '' }), variable: 'HUB_SIGNING_SECRET' },
    { name: 'a short hub secret', env: () => production({ HUB_SIGNING_SECRET: 'x'.repeat(31) }), variable: 'HUB_SIGNING_SECRET' },
    { name: 'the development hub secret', env: () => production({ HUB_SIGNING_SECRET: DEVELOPMENT_HUB_SECRET }), variable: 'HUB_SIGNING_SECRET' },
    { name: 'the development hub secret in quotes', env: () => production({ HUB_SIGNING_SECRET: `'${DEVELOPMENT_HUB_SECRET}'` }), variable: 'HUB_SIGNING_SECRET' },
    { name: 'the development hub secret and a newline', env: () => production({ HUB_SIGNING_SECRET: `${DEVELOPMENT_HUB_SECRET}\n` }), variable: 'HUB_SIGNING_SECRET' },
    { name: 'the development audit key as hub secret', env: () => production({ HUB_SIGNING_SECRET: DEVELOPMENT_AUDIT_CHAIN_KEY }), variable: 'HUB_SIGNING_SECRET' },
    { name: 'the development database password', env: () => production({ DATABASE_URL: 'postgres://postgres:postgres@db.internal:5432/ase' }), variable: 'DATABASE_URL' },
    // The image sets NODE_ENV=production: without APP_MODE the subgraph ran in development
    // mode and signed-request checks used the public development secret.
    { name: 'NODE_ENV=production and no APP_MODE nor secret', env: () => ({ NODE_ENV: 'production', DATABASE_URL: 'postgres://ase@db.internal:5432/ase' }), variable: 'HUB_SIGNING_SECRET' },
  ])('refuses to start in production with $name, naming $variable', ({ env, variable }) => {
    expect(variableNamed(env())).toBe(variable);
  });

  it('never puts the value it refuses in its message', () => {
    expect(() => loadSubgraphConfig(4001, production({ HUB_SIGNING_SECRET: `${DEVELOPMENT_HUB_SECRET}\n` }))).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('development-only') }),
    );
  });

  it('starts in production with its own secret and password (so the refusals above are specific)', () => {
    expect(loadSubgraphConfig(4001, production({}))).toMatchObject({ mode: 'production', hubSecret: SECRET });
    expect(loadSubgraphConfig(4001, production({ APP_MODE: undefined, NODE_ENV: 'production' })).mode).toBe('production');
  });

  it('keeps the development secret outside production, also under NODE_ENV=production when APP_MODE says development', () => {
    expect(loadSubgraphConfig(4001, { DATABASE_URL: 'postgres://postgres:postgres@localhost:5432/ase' })).toMatchObject({ mode: 'development', hubSecret: DEVELOPMENT_HUB_SECRET });
    expect(loadSubgraphConfig(4001, { APP_MODE: 'development', NODE_ENV: 'production', DATABASE_URL: 'postgres://postgres:postgres@localhost:5432/ase' }).mode).toBe('development');
  });
});
