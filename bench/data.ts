import 'reflect-metadata';
import { intArg, parseArgs } from './lib/args.js';
import { DEFAULT_CHILDREN, DEFAULT_SEED, generateAndLoad } from './data/load.js';
import { openBenchPostgres } from './lib/postgres.js';

/**
 * `npm run bench:data -- --children N [--seed S]`: (re)generates the benchmark's data set in
 * the `bench_*` databases (embedded PostgreSQL under .data/bench-postgres, or DATABASE_URL).
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const children = intArg(args, 'children', DEFAULT_CHILDREN, 1, 1_000_000);
  const seed = intArg(args, 'seed', DEFAULT_SEED, 0, 2 ** 31);
  const postgres = await openBenchPostgres();
  try {
    const marker = await generateAndLoad(postgres.serverUrl, children, seed, (line) => process.stdout.write(`${line}\n`));
    process.stdout.write(`${JSON.stringify(marker.summary)}\n`);
  } finally {
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:data failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
