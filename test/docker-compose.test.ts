import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadSubgraphConfig } from '../common/src/subgraph/subgraph-config';
import { loadConfig } from '../gateway/src/config';
import { SUBGRAPHS } from '../services/index';

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  ports?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
}

// There is no Docker engine here: the compose file is checked by parsing it and by feeding
// each container's environment to the very config loaders the services run.
const compose = parse(readFileSync(path.resolve(__dirname, '../docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
const services = compose.services;
const APP_SERVICES = ['hub', 'ase', 'pmi', 'rpe', 'justice'];

describe('docker-compose.yml', () => {
  it('has PostgreSQL, the seed job, four subgraphs and the hub', () => {
    expect(Object.keys(services).sort()).toEqual(['ase', 'hub', 'justice', 'pmi', 'postgres', 'rpe', 'seed']);
  });

  it('builds every application container from one image', () => {
    const images = new Set([...APP_SERVICES, 'seed'].map((name) => services[name].image));
    expect([...images]).toEqual(['child-protection-hub:local']);
    for (const name of [...APP_SERVICES, 'seed']) expect(services[name].build).toBe('.');
  });

  it.each(SUBGRAPHS.map((subgraph) => [subgraph.name, subgraph.defaultPort] as const))('runs %s on its port %i with a valid configuration', (name, port) => {
    const service = services[name];
    expect(service.command).toEqual(['node', '--import', 'tsx', `services/${name}/src/main.ts`]);
    // Reached by the hub inside the compose network only: a published port would let anyone
    // holding the (public) development secret sign requests.
    expect(service.ports).toBeUndefined();
    const config = loadSubgraphConfig(port, service.environment ?? {});
    expect(config.port).toBe(port);
    expect(config.host).toBe('0.0.0.0');
    expect(new URL(config.databaseUrl).pathname).toBe(`/cp_${name}`);
    expect(new URL(config.databaseUrl).hostname).toBe('postgres');
    expect(service.depends_on?.seed?.condition).toBe('service_completed_successfully');
  });

  it('gives the hub every variable it reads, pointing at the compose services', () => {
    const hub = services.hub;
    expect(hub.command).toEqual(['node', '--import', 'tsx', 'gateway/src/main.ts']);
    expect(hub.ports).toEqual(['127.0.0.1:4000:4000']);
    const config = loadConfig(hub.environment ?? {});
    expect(config.port).toBe(4000);
    for (const subgraph of SUBGRAPHS) {
      expect(config.subgraphUrls[subgraph.name]).toBe(`http://${subgraph.name}:${subgraph.defaultPort}/graphql`);
      expect(Object.keys(hub.depends_on ?? {})).toContain(subgraph.name);
    }
    expect(new URL(config.databaseUrl).username).toBe('cp_hub_app');
    expect(new URL(config.migrationDatabaseUrl).username).toBe('postgres');
    expect(config.hubSecret).toBe(services.ase.environment?.HUB_SIGNING_SECRET);
  });

  it('seeds against the PostgreSQL service once it is healthy', () => {
    expect(services.seed.command).toEqual(['node', '--import', 'tsx', 'scripts/seed.ts']);
    expect(services.seed.environment?.DATABASE_URL).toMatch(/^postgres:\/\/postgres:postgres@postgres:5432\//);
    expect(services.seed.depends_on?.postgres?.condition).toBe('service_healthy');
  });
});
