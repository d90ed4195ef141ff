import type { PreparedDatabases, ServiceName } from './databases.js';
import { type ServiceProcess, spawnService, stopService, waitHealthy } from './processes.js';

export interface FederationPorts {
  hub: number;
  ase: number;
  pmi: number;
  rpe: number;
  justice: number;
}

export interface FederationOptions {
  databases: PreparedDatabases;
  ports: FederationPorts;
  hubSecret: string;
  appMode: 'development' | 'test' | 'production';
  output: 'inherit' | 'pipe' | 'ignore';
  logLevel?: string;
  /** Extra environment for the hub process (e.g. JWKS_FILE in tests). */
  hubEnv?: Record<string, string>;
  /** @default 30000 */
  startTimeoutMs?: number;
}

export interface RunningFederation {
  hubUrl: string;
  subgraphUrls: Record<Exclude<ServiceName, 'hub'>, string>;
  processes: Map<ServiceName, ServiceProcess>;
  /** Restarts one subgraph process (same port and database), for failure tests. */
  restart(name: Exclude<ServiceName, 'hub'>): Promise<void>;
  stop(): Promise<void>;
}

const ENTRIES: Record<ServiceName, string> = {
  hub: 'gateway/src/main.ts',
  ase: 'services/ase/src/main.ts',
  pmi: 'services/pmi/src/main.ts',
  rpe: 'services/rpe/src/main.ts',
  justice: 'services/justice/src/main.ts',
};
const SUBGRAPH_NAMES = ['ase', 'pmi', 'rpe', 'justice'] as const;

/**
 * Starts the whole federation as separate processes: four subgraphs and the hub, each on
 * its port with its own database, and waits until every one answers `/health`.
 */
export async function startFederation(options: FederationOptions): Promise<RunningFederation> {
  const base = (port: number) => `http://127.0.0.1:${port}`;
  const common = { APP_MODE: options.appMode, HUB_SIGNING_SECRET: options.hubSecret, LOG_LEVEL: options.logLevel ?? 'info' };
  const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `${base(options.ports[name])}/graphql`])) as RunningFederation['subgraphUrls'];
  const envOf = (name: ServiceName): Record<string, string> => {
    const env: Record<string, string> = { ...common, PORT: String(options.ports[name]), DATABASE_URL: options.databases.urls[name] };
    if (name !== 'hub') return env;
    env.MIGRATION_DATABASE_URL = options.databases.hubOwnerUrl;
    for (const sub of SUBGRAPH_NAMES) env[`${sub.toUpperCase()}_URL`] = subgraphUrls[sub];
    return { ...env, ...options.hubEnv };
  };
  const processes = new Map<ServiceName, ServiceProcess>();
  const launch = async (name: ServiceName) => {
    const service = spawnService(name, ENTRIES[name], envOf(name), options.output);
    processes.set(name, service);
    await waitHealthy(service, base(options.ports[name]), options.startTimeoutMs ?? 30_000);
  };
  const stop = async () => {
    await Promise.all([...processes.values()].map((service) => stopService(service)));
  };
  try {
    await Promise.all((['hub', ...SUBGRAPH_NAMES] as ServiceName[]).map(launch));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    hubUrl: `${base(options.ports.hub)}/graphql`,
    subgraphUrls,
    processes,
    restart: async (name) => {
      const current = processes.get(name);
      if (current) await stopService(current);
      await launch(name);
    },
    stop,
  };
}
