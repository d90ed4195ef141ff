import type { DataSource } from 'typeorm';
import { createDataSource, openAndMigrate } from '../../common/src/db/data-source.js';
import { ensureDatabase, withDatabase } from '../../common/src/db/databases.js';
import { seedDirectory } from '../../gateway/src/directory/seed.js';
import { HUB_ENTITIES, HUB_MIGRATIONS } from '../../gateway/src/entities.js';
import { SUBGRAPHS } from '../../services/index.js';
import { ensureHubRuntimeLogin } from './hub-runtime-login.js';

export type ServiceName = 'hub' | 'ase' | 'pmi' | 'rpe' | 'justice';
export const SERVICE_NAMES: readonly ServiceName[] = ['hub', 'ase', 'pmi', 'rpe', 'justice'];

/** Each service's own database on the shared server: `<prefix>_ase`, `<prefix>_hub`… */
export function databaseUrls(serverUrl: string, prefix: string): Record<ServiceName, string> {
  return Object.fromEntries(SERVICE_NAMES.map((name) => [name, withDatabase(serverUrl, `${prefix}_${name}`)])) as Record<ServiceName, string>;
}

async function withDataSource(dataSource: DataSource, work: (dataSource: DataSource) => Promise<void>): Promise<void> {
  await openAndMigrate(dataSource);
  try {
    await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

export interface PreparedDatabases {
  /** What each service connects with at run time (the hub as its least-privileged login). */
  urls: Record<ServiceName, string>;
  /** The hub database as its owner, for the hub's migrations. */
  hubOwnerUrl: string;
}

/**
 * Creates every service's database if missing, applies its migrations and, with `seed`,
 * upserts the demo scenario (stable ids: running it again changes nothing).
 */
export async function prepareDatabases(serverUrl: string, prefix: string, seed: boolean): Promise<PreparedDatabases> {
  const urls = databaseUrls(serverUrl, prefix);
  for (const name of SERVICE_NAMES) await ensureDatabase(serverUrl, `${prefix}_${name}`);
  await Promise.all([
    withDataSource(
      createDataSource({ url: urls.hub, applicationName: 'cp-seed-hub', entities: HUB_ENTITIES, migrations: HUB_MIGRATIONS, poolSize: 2 }),
      async (dataSource) => {
        if (seed) await seedDirectory(dataSource);
      },
    ),
    ...SUBGRAPHS.map((subgraph) =>
      withDataSource(
        createDataSource({ url: urls[subgraph.name], applicationName: `cp-seed-${subgraph.name}`, entities: subgraph.entities, migrations: subgraph.migrations, poolSize: 2 }),
        async (dataSource) => {
          if (seed) await subgraph.seedDemo(dataSource);
        },
      ),
    ),
  ]);
  const hubRuntimeUrl = await ensureHubRuntimeLogin(serverUrl, `${prefix}_hub`);
  return { urls: { ...urls, hub: hubRuntimeUrl }, hubOwnerUrl: urls.hub };
}
