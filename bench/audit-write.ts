import 'reflect-metadata';
import { createDataSource, openAndMigrate } from '../common/src/db/data-source.js';
import { dropDatabase, ensureDatabase, withDatabase } from '../common/src/db/databases.js';
import { DataCategory, Role } from '../common/src/domain.js';
import { type ReleaseRecord, ReleaseRecorder } from '../gateway/src/audit/release-recorder.js';
import type { Agent } from '../gateway/src/auth/agent.js';
import { DEVELOPMENT_AUDIT_CHAIN_KEY } from '../gateway/src/config.js';
import { HUB_ENTITIES, HUB_MIGRATIONS } from '../gateway/src/entities.js';
import { ensureHubRuntimeLogin } from '../scripts/lib/hub-runtime-login.js';
import { intArg, parseArgs } from './lib/args.js';
import { openBenchPostgres } from './lib/postgres.js';
import { postgresCpuMs } from './lib/postgres-cpu.js';
import { round, spread } from './lib/stats.js';

/** A database of its own: nothing here mixes with the benchmark's audit chain. */
const DATABASE = 'bench_audit_write';

/**
 * `tsx bench/audit-write.ts [--records N] [--rounds R] [--concurrency C]`: what recording one
 * response costs, written as the hub writes it (`ReleaseRecorder`: the chained audit entry
 * and the référent notifications in one statement, group-committed), on a nurse's list of
 * 150 children, PROTECTION_STATUS released for each and every child with a référent, so
 * 150 notifications: the most one such response writes (children without a référent get
 * none; in `nurse_protection` about 1 in 9 has one). Measured with and without the
 * notifications: this process's CPU, the PostgreSQL server's CPU (its processes' own
 * accounting) and wall time, per record; median [min–max] over the rounds. The load benchmark cannot show PostgreSQL's share, which is
 * spent on the same two cores as the gateways.
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const records = intArg(args, 'records', 1_000, 10, 1_000_000);
  const rounds = intArg(args, 'rounds', 3, 1, 20);
  const concurrency = intArg(args, 'concurrency', 10, 1, 100);
  const postgres = await openBenchPostgres();
  await dropDatabase(postgres.serverUrl, DATABASE);
  await ensureDatabase(postgres.serverUrl, DATABASE);
  const owner = createDataSource({ url: withDatabase(postgres.serverUrl, DATABASE), applicationName: 'cp-bench-audit-migrate', entities: HUB_ENTITIES, migrations: HUB_MIGRATIONS, poolSize: 2 });
  await openAndMigrate(owner);
  await owner.destroy();
  // As the hub connects: its least-privileged login, its pool size.
  const dataSource = createDataSource({ url: await ensureHubRuntimeLogin(postgres.serverUrl, DATABASE), applicationName: 'cp-bench-audit', entities: HUB_ENTITIES, migrations: [], poolSize: 10 });
  await dataSource.initialize();
  try {
    const recorder = new ReleaseRecorder(dataSource, DEVELOPMENT_AUDIT_CHAIN_KEY);
    const viewer: Agent = { id: 'agent-bench-nurse', name: 'Infirmière fictive', role: Role.PMI_NURSE, institution: 'PMI-75' };
    const childIds = Array.from({ length: 150 }, (_, index) => `child-bench-${String(index).padStart(6, '0')}`);
    // Built afresh for every record, as the hub builds them for every response.
    const audit = () => ({ agentId: viewer.id, role: viewer.role, institution: viewer.institution, operationName: 'NurseProtection', operationHash: 'f'.repeat(64), childIds, released: [DataCategory.IDENTITY, DataCategory.PROTECTION_STATUS], withheld: [] });
    const shapes: Array<{ name: string; notifications: () => ReleaseRecord['notifications'] }> = [
      { name: 'audit entry + 150 notifications', notifications: () => childIds.map((childId) => ({ viewer, childId, category: DataCategory.PROTECTION_STATUS })) },
      { name: 'audit entry only', notifications: () => [] },
    ];
    const written = async (): Promise<{ audit: number; notifications: number }> =>
      (await dataSource.query('SELECT (SELECT count(*) FROM audit_entry)::int AS audit, (SELECT count(*) FROM access_notification)::int AS notifications'))[0];
    const figures = new Map(shapes.map(({ name }) => [name, { node: [] as number[], postgres: [] as number[], wall: [] as number[] }]));
    // Round 0 warms up (JIT, connections, the table's first pages) and is not counted.
    for (let index = 0; index <= rounds; index += 1) {
      for (const shape of shapes) {
        const countBefore = await written();
        const cpuBefore = process.cpuUsage();
        const postgresBefore = postgresCpuMs();
        const started = performance.now();
        let sent = 0;
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            while (sent < records) {
              sent += 1;
              await recorder.record({ audit: audit(), notifications: shape.notifications() });
            }
          }),
        );
        const wall = performance.now() - started;
        const cpu = process.cpuUsage(cpuBefore);
        const postgresAfter = postgresCpuMs();
        // Measures nothing unless every record was written, with its notifications.
        const countAfter = await written();
        const expectedNotifications = records * shape.notifications().length;
        if (countAfter.audit - countBefore.audit !== records || countAfter.notifications - countBefore.notifications !== expectedNotifications) {
          throw new Error(`${shape.name}: ${countAfter.audit - countBefore.audit} entries and ${countAfter.notifications - countBefore.notifications} notifications written, not ${records} and ${expectedNotifications}`);
        }
        if (index === 0) continue;
        const entry = figures.get(shape.name)!;
        entry.node.push((cpu.user + cpu.system) / 1_000 / records);
        if (postgresBefore !== null && postgresAfter !== null) entry.postgres.push((postgresAfter - postgresBefore) / records);
        entry.wall.push(wall / records);
      }
    }
    const show = (values: number[]) => {
      if (values.length === 0) return 'n/a (no PostgreSQL process visible here)';
      const { median, min, max } = spread(values);
      return `${round(median, 3)} ms [${round(min, 3)}–${round(max, 3)}]`;
    };
    process.stdout.write(`recording one response, ${records} records × ${rounds} rounds, ${concurrency} at a time (median [min–max] per record)\n`);
    for (const [name, { node, postgres: server, wall }] of figures) {
      process.stdout.write(`${name}: hub process CPU ${show(node)}, PostgreSQL CPU ${show(server)}, wall ${show(wall)}\n`);
    }
  } finally {
    await dataSource.destroy();
    await postgres.stop();
  }
}

void main();
