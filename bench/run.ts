import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEVELOPMENT_HUB_SECRET } from '../common/src/config.js';
import { prepareDatabases } from '../scripts/lib/databases.js';
import { DATASET_VERSION, DEFAULT_CHILDREN, DEFAULT_SEED, generateAndLoad, readMarker, removeEarlierFlags } from './data/load.js';
import { intArg, parseArgs } from './lib/args.js';
import { type BenchProcess, spawnBenchProcess } from './lib/cluster.js';
import { GATEWAY_LABELS, type GatewayKey, type GatewayUnderTest, gatewayUnderTest, HIVE_KEYS, post } from './lib/gateways.js';
import { type LoadSample, runLoad } from './lib/load.js';
import { BENCH_PREFIX, openBenchPostgres, ROOT } from './lib/postgres.js';
import { verifyOperation } from './lib/verify.js';
import { LIST_QUERY, listAgent, OPERATIONS } from './operations.js';
import { FIXTURES } from './data/dataset.js';
import { buildReport, type Measurement, type ScalingRow } from './report.js';

const SUBGRAPH_NAMES = ['ase', 'pmi', 'rpe', 'justice'] as const;
const log = (line: string) => process.stdout.write(`${line}\n`);

/**
 * `npm run bench [-- --quick] [--children N] [--rounds R] [--seconds S] [--profile] [--only a,b]
 * [--connections 1,10] [--skip-hive] [--pin]`: the hub, a bare @apollo/gateway and a bare Hive Gateway
 * (JavaScript and Rust query planners) over the same subgraphs, data and supergraph,
 * alternated A B C D, B C D A… for R rounds; results in bench/results/latest.{json,md}.
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const quick = args.has('quick');
  const children = intArg(args, 'children', quick ? 500 : DEFAULT_CHILDREN, 1, 1_000_000);
  const rounds = intArg(args, 'rounds', 3, 1, 20);
  // 4 s per run: with 2 s, a run at concurrency 1 held ~30 requests and its "p99" was its
  // slowest one; medians of three such runs still swung by half from one invocation to the next.
  const seconds = intArg(args, 'seconds', 4, 1, 60);
  // Seconds of each operation per gateway before anything counts. With one second (about 100
  // CRIP inboxes), the first round ran cold: in 2 s windows at c=1, the hub's pass over an
  // inbox cost about 1.1 ms of CPU per request for the first 400 or so, about 0.25 ms in most
  // windows after (some later windows went back to 1 ms: collector work, not measured apart).
  const warmup = intArg(args, 'warmup', 3, 0, 60);
  // `--connections 1,10`: these concurrencies only (default 1, 10 and 50; 10 with --quick).
  const connectionsArg = args.get('connections');
  const connectionsList = typeof connectionsArg === 'string' ? connectionsArg.split(',').map(Number) : quick ? [10] : [1, 10, 50];
  if (connectionsList.some((value) => !Number.isInteger(value) || value < 1 || value > 500)) throw new Error('--connections takes integers from 1 to 500, comma-separated');
  const portBase = intArg(args, 'port-base', 4100, 1024, 60_000);
  const profile = args.has('profile');
  // `--pin`: the gateway under test alone on CPU 1; this process (the load), the subgraphs and
  // the embedded PostgreSQL on CPU 0, as when a gateway has a machine of its own. Throughput
  // then says whether a gateway is what limits the system, and its CPU is not preempted.
  const pin = args.has('pin');
  if (pin) {
    if (os.cpus().length < 2) throw new Error('--pin needs two CPUs');
    // Children inherit it: PostgreSQL (unless DATABASE_URL) and the subgraphs start after.
    execFileSync('taskset', ['-a', '-p', '-c', '0', String(process.pid)], { stdio: 'ignore' });
  }
  // `--only me,flag_concern`: measure these operations only (all are still verified).
  const only = args.get('only');
  const measured = typeof only === 'string' ? OPERATIONS.filter((operation) => only.split(',').includes(operation.name)) : OPERATIONS;
  if (measured.length === 0) throw new Error(`--only names none of: ${OPERATIONS.map((operation) => operation.name).join(', ')}`);
  const started = Date.now();
  // Read now: the processes load the code as it is when they start, whatever is edited later.
  const commit = gitCommit();

  const postgres = await openBenchPostgres();
  const processes: BenchProcess[] = [];
  const stopAll = async () => {
    await Promise.all(processes.map((item) => item.stop()));
    await postgres.stop();
  };
  process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    const marker = readMarker(postgres.serverUrl);
    if (!marker || marker.version !== DATASET_VERSION || marker.children !== children || marker.seed !== DEFAULT_SEED) {
      log(`generating the data set (${children} children)…`);
      await generateAndLoad(postgres.serverUrl, children, DEFAULT_SEED, log);
    } else {
      const removed = await removeEarlierFlags(postgres.serverUrl);
      if (removed > 0) log(`removed the ${removed} concerns earlier runs' flag_concern raised`);
    }
    const databases = await prepareDatabases(postgres.serverUrl, BENCH_PREFIX, false);
    const secret = process.env.HUB_SIGNING_SECRET ?? DEVELOPMENT_HUB_SECRET;
    // NODE_ENV as the image sets it (Dockerfile): libraries run as in production (graphql, for
    // one, then skips its cross-realm `instanceof` checks). APP_MODE stays development, for the
    // development keys.
    const common = { NODE_ENV: 'production', APP_MODE: 'development', HUB_SIGNING_SECRET: secret, LOG_LEVEL: 'warn' };

    const subgraphs = await Promise.all(
      SUBGRAPH_NAMES.map((name, index) =>
        spawnBenchProcess({
          name,
          entry: 'bench/processes/subgraph.ts',
          argv: [name],
          env: { ...common, PORT: String(portBase + 11 + index), DATABASE_URL: databases.urls[name] },
          nodeFlags: profile ? ['--cpu-prof', '--cpu-prof-dir', path.join(ROOT, 'bench/results/profiles', name)] : [],
        }),
      ),
    );
    processes.push(...subgraphs);
    const gatewayEnv = (port: number): Record<string, string> => ({
      ...common,
      PORT: String(port),
      DATABASE_URL: databases.urls.hub,
      MIGRATION_DATABASE_URL: databases.hubOwnerUrl,
      ...Object.fromEntries(SUBGRAPH_NAMES.map((name, index) => [`${name.toUpperCase()}_URL`, subgraphs[index].url])),
    });
    const gateways: GatewayUnderTest[] = [];
    const skipped: Record<string, string> = {};
    const keys: GatewayKey[] = ['hub', 'apollo', 'hive', 'hive_rust'];
    for (const [index, key] of keys.entries()) {
      const optional = HIVE_KEYS.includes(key);
      if (optional && args.has('skip-hive')) {
        skipped[key] = 'skipped by --skip-hive';
        continue;
      }
      try {
        const nodeFlags = profile && !optional ? ['--cpu-prof', '--cpu-prof-dir', path.join(ROOT, 'bench/results/profiles', key)] : [];
        const child = await spawnBenchProcess({
          name: key,
          entry: 'bench/processes/gateway.ts',
          argv: [key],
          // Each Hive variant also serves the hub's own subgraph, on a port of its own.
          env: { ...gatewayEnv(portBase + index), BENCH_HUB_SUBGRAPH_PORT: String(portBase + 20 + index) },
          nodeFlags,
          cpu: pin ? 1 : undefined,
        });
        processes.push(child);
        gateways.push(gatewayUnderTest(key, child));
      } catch (error) {
        if (!optional) throw error;
        skipped[key] = `did not start on Node ${process.version}: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    // Hive on Node 20 is checked by use, not by its engines field: one query must answer.
    for (const hive of gateways.filter((gateway) => HIVE_KEYS.includes(gateway.key))) {
      try {
        const body = await post(hive, OPERATIONS[0].agent, OPERATIONS[0].query);
        if (!body.data) throw new Error(JSON.stringify(body.errors).slice(0, 300));
      } catch (error) {
        skipped[hive.key] = `did not answer on Node ${process.version}: ${error instanceof Error ? error.message : String(error)}`;
        gateways.splice(gateways.indexOf(hive), 1);
      }
    }
    for (const [key, reason] of Object.entries(skipped)) log(`${GATEWAY_LABELS[key as GatewayKey]} skipped: ${reason}`);

    log('verifying that the gateways agree…');
    const verifications = [];
    for (const operation of OPERATIONS) {
      const verification = await verifyOperation(operation, gateways);
      verifications.push(verification);
      log(`  ${verification.ok ? 'ok  ' : 'FAIL'} ${operation.name}: ${verification.detail}`);
    }
    for (const size of FIXTURES.listSizes) {
      const verification = await verifyOperation({ name: `list_${size}`, description: '', agent: listAgent(size), query: LIST_QUERY, target: 'journey' }, gateways);
      verifications.push(verification);
      log(`  ${verification.ok ? 'ok  ' : 'FAIL'} list_${size}: ${verification.detail}`);
    }
    if (verifications.some((verification) => !verification.ok)) throw new Error('the gateways do not return the expected data: no number counts, run aborted');

    log('SQL statements and subgraph requests per request, lists of 1 to 1,000 children…');
    const scaling: ScalingRow[] = [];
    for (const gateway of gateways.filter((item) => !HIVE_KEYS.includes(item.key))) {
      for (const size of FIXTURES.listSizes) {
        const repeats = 3;
        const before = await Promise.all([gateway.process.stats(), ...subgraphs.map((subgraph) => subgraph.stats())]);
        const t0 = performance.now();
        for (let i = 0; i < repeats; i += 1) await post(gateway, listAgent(size), LIST_QUERY);
        const ms = (performance.now() - t0) / repeats;
        const after = await Promise.all([gateway.process.stats(), ...subgraphs.map((subgraph) => subgraph.stats())]);
        const sql: Record<string, number> = { gateway_db: (after[0].sql - before[0].sql) / repeats };
        const requests: Record<string, number> = {};
        subgraphs.forEach((subgraph, index) => {
          sql[subgraph.name] = (after[index + 1].sql - before[index + 1].sql) / repeats;
          requests[subgraph.name] = (after[index + 1].httpRequests - before[index + 1].httpRequests) / repeats;
        });
        const byKind = Object.fromEntries(Object.keys({ ...after[0].sqlByKind }).map((kind) => [kind, ((after[0].sqlByKind[kind] ?? 0) - (before[0].sqlByKind[kind] ?? 0)) / repeats]));
        scaling.push({ gateway: gateway.key, children: size, sqlPerRequest: sql, gatewayDbByKind: byKind, subgraphRequestsPerRequest: requests, latencyMs: ms });
      }
    }

    log(`warming up (${gateways.length} gateways × ${measured.length} operations)…`);
    for (const operation of measured) {
      for (const gateway of gateways) if (warmup > 0) await runLoad({ gateway, subgraphs, operation, connections: 10, seconds: warmup });
    }

    const measurements: Measurement[] = [];
    const total = rounds * measured.length * connectionsList.length * gateways.length;
    let done = 0;
    for (let roundIndex = 0; roundIndex < rounds; roundIndex += 1) {
      for (const operation of measured) {
        for (const connections of connectionsList) {
          // A B C, B C A, C A B…: every gateway sees the same drift of the machine and the
          // data, and each goes first in turn. The first run after another operation's
          // concurrency-50 runs meets what those left behind (vacuum, collectors): with the
          // hub always first, its concurrency-1 p99 came out 2 to 4 × Apollo's.
          for (const gateway of rotated(gateways, roundIndex)) {
            const sample: LoadSample = await runLoad({ gateway, subgraphs, operation, connections, seconds });
            measurements.push({ round: roundIndex, operation: operation.name, gateway: gateway.key, connections, sample });
            done += 1;
            if (sample.failures > 0) log(`  ! ${gateway.key} ${operation.name} c=${connections}: ${sample.failures} failed requests`);
          }
        }
      }
      log(`round ${roundIndex + 1}/${rounds} done (${done}/${total} runs, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }

    const report = buildReport({
      meta: {
        startedAt: new Date(started).toISOString(),
        durationSeconds: Math.round((Date.now() - started) / 1000),
        mode: quick ? 'quick' : 'full',
        commit,
        node: process.version,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        children,
        seed: DEFAULT_SEED,
        rounds,
        secondsPerRun: seconds,
        warmupSeconds: warmup,
        connections: connectionsList,
        gateways: Object.fromEntries(gateways.map((gateway) => [gateway.key, GATEWAY_LABELS[gateway.key]])),
        skipped,
        sqlCounting: 'TypeORM logger in each process (common/src/db/query-counter.ts rule: transaction control excluded); works with DATABASE_URL too, no server extension needed',
        cpuAccounting: 'process.cpuUsage() (user+system) of the gateway process, read over IPC before and after each run',
        pinning: pin ? `gateway under test alone on CPU 1; load generator, subgraphs${process.env.DATABASE_URL ? '' : ' and PostgreSQL'} on CPU 0` : 'none: every process shares every CPU',
      },
      operations: measured,
      verifications,
      scaling,
      measurements,
    });
    mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(path.join(ROOT, 'bench/results/latest.json'), `${JSON.stringify(report.json, null, 2)}\n`);
    writeFileSync(path.join(ROOT, 'bench/results/latest.md'), report.markdown);
    log('');
    log(report.markdown);
  } finally {
    await stopAll();
  }
}

/** `items` starting from its `by`-th item (modulo its length). */
function rotated<T>(items: readonly T[], by: number): T[] {
  const start = items.length === 0 ? 0 : by % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

/** The commit measured (read-only), with a mark when the working tree differs from it. */
function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'gateway', 'services', 'common', 'schema'], { cwd: ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${commit} (uncommitted changes in gateway/services/common/schema)` : commit;
  } catch {
    return 'unknown';
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
