import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { ensureHubRuntimeLogin } from '../../scripts/lib/hub-runtime-login';
import { createTestDatabase, ensureRuntimeRole } from '../../test/support/databases';
import { type HubConfig, loadConfig } from '../src/config';
import { startHub } from '../src/server';

// The hub's least privilege is a deployment matter: in production it must run as the
// runtime login, which can neither rewrite the audit log nor drop its append-only triggers.
describe('startHub in production: the run-time database login', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let runtimeUrl: string;
  let dir: string;
  let config: HubConfig;

  beforeAll(async () => {
    database = await createTestDatabase('prodstart');
    await ensureRuntimeRole(database.url);
    runtimeUrl = await ensureHubRuntimeLogin(database.url, database.name);
    dir = mkdtempSync(path.join(os.tmpdir(), 'cp-prodstart-'));
    const { publicKey } = await generateKeyPair('ES256');
    const jwks = path.join(dir, 'jwks.json');
    writeFileSync(jwks, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'prod-1', alg: 'ES256' }] }));
    config = loadConfig({
      APP_MODE: 'production',
      PORT: '0',
      HUB_SIGNING_SECRET: 'production-hub-secret-0123456789abcdefghij',
      AUDIT_CHAIN_KEY: 'production-audit-chain-key-0123456789abcdef',
      JWT_ISSUER: 'https://proconnect.example/realm',
      JWKS_FILE: jwks,
      DATABASE_URL: 'postgres://placeholder@localhost:5432/hub',
      LOG_LEVEL: 'silent',
    });
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start as the owner of the audit log (the one URL given for both), naming DATABASE_URL', async () => {
    const outcome = await startHub({ ...config, databaseUrl: database.url, migrationDatabaseUrl: database.url }).then(
      async (hub) => {
        await hub.stop();
        return 'started';
      },
      (error: Error) => error.message,
    );
    expect(outcome).toMatch(/^Configuration error: DATABASE_URL /);
  });

  it('starts as the runtime login (so the refusal above is specific)', async () => {
    const hub = await startHub({ ...config, databaseUrl: runtimeUrl, migrationDatabaseUrl: database.url });
    await hub.stop();
  });
});
