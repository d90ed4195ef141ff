import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { dropDatabase, withDatabase } from '../../common/src/db/databases.js';
import { prepareDatabases, SERVICE_NAMES, type PreparedDatabases } from '../../scripts/lib/databases.js';
import { bulkInsert } from '../lib/bulk-insert.js';
import { BENCH_PREFIX, ROOT } from '../lib/postgres.js';
import { FIXTURES, generateDataset } from './dataset.js';
import { TABLES } from './tables.js';

export const DEFAULT_CHILDREN = 10_000;
export const DEFAULT_SEED = 20_261_101;
/** Bumped whenever the generator changes, so that an old data set is regenerated. */
export const DATASET_VERSION = 2;
const MARKER = path.join(ROOT, '.data/bench-dataset.json');

export interface DatasetMarker {
  version: number;
  children: number;
  seed: number;
  server: string;
  summary: Record<string, number>;
  generatedInSeconds: number;
}

function serverKey(serverUrl: string): string {
  const url = new URL(serverUrl);
  return `${url.hostname}:${url.port}`;
}

/** The data set last generated on this server, if any. */
export function readMarker(serverUrl: string): DatasetMarker | null {
  if (!existsSync(MARKER)) return null;
  const marker = JSON.parse(readFileSync(MARKER, 'utf8')) as DatasetMarker;
  return marker.server === serverKey(serverUrl) ? marker : null;
}

/**
 * Drops the benchmark's five databases, migrates them, seeds the demo scenario (the CRIP
 * evaluator, the judge and the demo childminder are referred to), then writes the synthetic
 * data set with set-based inserts and refreshes the planner's statistics.
 */
export async function generateAndLoad(serverUrl: string, children: number, seed: number, log: (line: string) => void): Promise<DatasetMarker> {
  const started = Date.now();
  for (const name of SERVICE_NAMES) await dropDatabase(serverUrl, `${BENCH_PREFIX}_${name}`);
  const databases: PreparedDatabases = await prepareDatabases(serverUrl, BENCH_PREFIX, true);
  const dataset = generateDataset(children, seed);
  await Promise.all(
    SERVICE_NAMES.map(async (name) => {
      const url = name === 'hub' ? databases.hubOwnerUrl : withDatabase(serverUrl, `${BENCH_PREFIX}_${name}`);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        for (const [table, columns] of Object.entries(TABLES[name])) await bulkInsert(client, table, columns, dataset[name][table] ?? []);
        await client.query('ANALYZE');
      } finally {
        await client.end();
      }
    }),
  );
  const marker: DatasetMarker = { version: DATASET_VERSION, children, seed, server: serverKey(serverUrl), summary: dataset.summary, generatedInSeconds: (Date.now() - started) / 1000 };
  mkdirSync(path.dirname(MARKER), { recursive: true });
  writeFileSync(MARKER, `${JSON.stringify(marker, null, 2)}\n`);
  log(`bench data: ${children} children (seed ${seed}) in ${marker.generatedInSeconds.toFixed(1)} s`);
  return marker;
}

/**
 * Removes the concerns earlier runs' `flag_concern` raised (a run raises tens of thousands,
 * all on one child) and refreshes the RPE's statistics, so that every run starts from the
 * data set as generated rather than from what the runs before it left. Nothing else the
 * runs write is removed: the hub's audit log and notifications are append-only.
 */
export async function removeEarlierFlags(serverUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, `${BENCH_PREFIX}_rpe`) });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('DELETE FROM concern_child WHERE concern_id IN (SELECT id FROM concern WHERE raised_by_id = $1)', [FIXTURES.flagCoordinator]);
    const removed = await client.query('DELETE FROM concern WHERE raised_by_id = $1', [FIXTURES.flagCoordinator]);
    await client.query('COMMIT');
    // Vacuumed now, not by autovacuum during the measurements (its CPU would be counted).
    if (removed.rowCount) await client.query('VACUUM ANALYZE concern, concern_child');
    return removed.rowCount ?? 0;
  } finally {
    await client.end();
  }
}
