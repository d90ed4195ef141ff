import 'reflect-metadata';
import path from 'node:path';
import { DEVELOPMENT_HUB_SECRET, readOptional, readPort } from '../common/src/config.js';
import { type EmbeddedPostgresHandle, startEmbeddedPostgres } from '../common/src/db/embedded-postgres.js';
import { prepareDatabases } from './lib/databases.js';
import { type RunningFederation, startFederation } from './lib/federation.js';

const ROOT = path.resolve(__dirname, '..');

/**
 * `npm start`: the whole federation on this machine. With no DATABASE_URL, a real
 * PostgreSQL from npm packages keeps its data under .data/postgres (git-ignored), so a
 * restart keeps everything. Databases are created, migrated and seeded (idempotent), then
 * the four subgraphs and the hub start as separate processes. Ctrl-C stops all of it.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const env = process.env;
  const ports = {
    hub: readPort(env, 'HUB_PORT', 4000),
    ase: readPort(env, 'ASE_PORT', 4001),
    pmi: readPort(env, 'PMI_PORT', 4002),
    rpe: readPort(env, 'RPE_PORT', 4003),
    justice: readPort(env, 'JUSTICE_PORT', 4004),
  };
  let postgres: EmbeddedPostgresHandle | undefined;
  let federation: RunningFederation | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping the federation…\n');
    await federation?.stop();
    await postgres?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  let serverUrl = readOptional(env, 'DATABASE_URL');
  if (!serverUrl) {
    postgres = await startEmbeddedPostgres({
      dataDir: path.join(ROOT, '.data/postgres'),
      port: readPort(env, 'EMBEDDED_PG_PORT', 54329),
      persistent: true,
      password: 'postgres',
    });
    serverUrl = postgres.url;
    process.stdout.write(`Embedded PostgreSQL running (data in .data/postgres)\n`);
  }
  const databases = await prepareDatabases(serverUrl, readOptional(env, 'DATABASE_PREFIX') ?? 'cp', true);
  process.stdout.write('Databases migrated and demo scenario seeded\n');
  federation = await startFederation({
    databases,
    ports,
    hubSecret: readOptional(env, 'HUB_SIGNING_SECRET') ?? DEVELOPMENT_HUB_SECRET,
    appMode: 'development',
    output: 'inherit',
    logLevel: readOptional(env, 'LOG_LEVEL') ?? 'warn',
  });
  for (const service of federation.processes.values()) {
    void service.exited.then((code) => {
      if (stopping) return;
      process.stderr.write(`${service.name} exited unexpectedly (code ${code}); stopping everything\n`);
      void shutdown(1);
    });
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    [
      '',
      `Federation hub ready in ${seconds} s: ${federation.hubUrl}`,
      ...Object.entries(federation.subgraphUrls).map(([name, url]) => `  subgraph ${name.padEnd(8)} ${url} (answers the hub only)`),
      '',
      'Get a token for a demo agent:   npm run token -- agent-pmi-claire',
      `Then: curl -s ${federation.hubUrl} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`,
      `        -d '{"query":"{ me { name role } myChildren { id firstName lastName } }"}'`,
      'Ctrl-C stops everything, PostgreSQL included.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`npm start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
