import { randomBytes } from 'node:crypto';
import { dropDatabase } from '../../common/src/db/databases';
import { freePort } from '../../common/src/net';
import { type PreparedDatabases, prepareDatabases, SERVICE_NAMES, type ServiceName } from '../../scripts/lib/databases';
import { type FederationPorts, type RunningFederation, startFederation } from '../../scripts/lib/federation';
import { type ServiceProcess, spawnService, stopService, waitHealthy } from '../../scripts/lib/processes';
import { TEST_HUB_SECRET } from './start-test-subgraph';

export type SubgraphName = Exclude<ServiceName, 'hub'>;

export interface ProcessFederation extends RunningFederation {
  serverUrl: string;
  prefix: string;
  databases: PreparedDatabases;
  ports: FederationPorts;
  /** The environment the hub process was started with (to start a twin). */
  hubEnv: Record<string, string>;
  /** Stops every process and drops the databases. */
  teardown(): Promise<void>;
}

/**
 * The federation as five real processes (scripts/lib/federation.ts) on free ports, with its
 * own freshly seeded databases on `serverUrl`: for failure tests that kill, hang or
 * restart one part.
 */
export async function startProcessFederation(serverUrl: string, hubEnv: Record<string, string> = {}): Promise<ProcessFederation> {
  const prefix = `x${randomBytes(4).toString('hex')}`;
  const databases = await prepareDatabases(serverUrl, prefix, true);
  const ports: FederationPorts = { hub: await freePort(), ase: await freePort(), pmi: await freePort(), rpe: await freePort(), justice: await freePort() };
  const federation = await startFederation({
    databases,
    ports,
    hubSecret: TEST_HUB_SECRET,
    appMode: 'test',
    output: 'ignore',
    logLevel: 'silent',
    hubEnv,
    startTimeoutMs: 60_000,
  });
  const base = (port: number) => `http://127.0.0.1:${port}/graphql`;
  const fullHubEnv: Record<string, string> = {
    APP_MODE: 'test',
    HUB_SIGNING_SECRET: TEST_HUB_SECRET,
    LOG_LEVEL: 'silent',
    PORT: String(ports.hub),
    DATABASE_URL: databases.urls.hub,
    MIGRATION_DATABASE_URL: databases.hubOwnerUrl,
    ASE_URL: base(ports.ase),
    PMI_URL: base(ports.pmi),
    RPE_URL: base(ports.rpe),
    JUSTICE_URL: base(ports.justice),
    ...hubEnv,
  };
  return {
    ...federation,
    serverUrl,
    prefix,
    databases,
    ports,
    hubEnv: fullHubEnv,
    teardown: async () => {
      await federation.stop();
      for (const name of SERVICE_NAMES) await dropDatabase(serverUrl, `${prefix}_${name}`);
    },
  };
}

/** A second hub process on its own port, same database and subgraphs unless `env` says otherwise. */
export async function startTwinHub(federation: ProcessFederation, env: Record<string, string> = {}): Promise<{ url: string; process: ServiceProcess; stop(): Promise<void> }> {
  const port = await freePort();
  const hub = spawnService('hub-twin', 'gateway/src/main.ts', { ...federation.hubEnv, ...env, PORT: String(port) }, 'ignore');
  try {
    await waitHealthy(hub, `http://127.0.0.1:${port}`, 60_000);
  } catch (error) {
    await stopService(hub);
    throw error;
  }
  return { url: `http://127.0.0.1:${port}/graphql`, process: hub, stop: () => stopService(hub) };
}

/** Kills one process outright (no clean-up, as a crash would) and waits until it is gone. */
export async function crash(federation: RunningFederation, name: ServiceName): Promise<void> {
  const service = federation.processes.get(name);
  if (!service || service.child.exitCode !== null || service.child.signalCode !== null) return;
  service.child.kill('SIGKILL');
  await service.exited;
}

/** Polls `probe` every 50 ms until it returns true; resolves with the elapsed milliseconds. */
export async function timeUntil(probe: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await probe().catch(() => false)) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
