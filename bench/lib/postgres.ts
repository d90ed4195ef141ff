import path from 'node:path';
import { readOptional, readPort } from '../../common/src/config.js';
import { type EmbeddedPostgresHandle, startEmbeddedPostgres } from '../../common/src/db/embedded-postgres.js';

export const ROOT = path.resolve(__dirname, '../..');
/** Database names are `<prefix>_hub`, `<prefix>_ase`…; kept apart from `npm start`'s `cp_*`. */
export const BENCH_PREFIX = 'bench';

export interface BenchPostgres {
  serverUrl: string;
  stop(): Promise<void>;
}

/**
 * The benchmark's PostgreSQL: the server of DATABASE_URL when given, else an embedded one
 * whose cluster lives under `.data/bench-postgres` (kept between `bench:data` and `bench`).
 */
export async function openBenchPostgres(env: NodeJS.ProcessEnv = process.env): Promise<BenchPostgres> {
  const given = readOptional(env, 'DATABASE_URL');
  if (given) return { serverUrl: given, stop: async () => undefined };
  const handle: EmbeddedPostgresHandle = await startEmbeddedPostgres({
    dataDir: path.join(ROOT, '.data/bench-postgres'),
    port: readPort(env, 'BENCH_PG_PORT', 54339),
    persistent: true,
    password: 'postgres',
  });
  return { serverUrl: handle.url, stop: () => handle.stop() };
}
