import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { dropDatabase, ensureDatabase, withDatabase } from '../../common/src/db/databases.js';
import { textArray } from '../../common/src/db/text-array.js';
import { postgresCpuMs } from '../lib/postgres-cpu.js';
import { intArg, parseArgs } from '../lib/args.js';
import { openBenchPostgres } from '../lib/postgres.js';

const DATABASE = 'bench_notification_storage';

/**
 * `npx tsx bench/experiments/notification-storage.ts [--responses N]`: an experiment, not
 * the hub's code. What PostgreSQL spends to store the référent notifications of one nurse
 * response (150 children) in three models: the hub's (one row per child, primary key and
 * `(child_id, at)` index, as in migration 1732300002000); one row per child under a single
 * index (primary key `(child_id, at, id)`); one row per response holding the child ids in an
 * array under a GIN index. Then how long a référent with 40 children waits to read 500
 * notifications in each. PostgreSQL CPU is read from its processes' own accounting (the
 * server must run on this machine: the embedded one).
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const responses = intArg(args, 'responses', 1_000, 10, 100_000);
  const postgres = await openBenchPostgres();
  await dropDatabase(postgres.serverUrl, DATABASE);
  await ensureDatabase(postgres.serverUrl, DATABASE);
  const client = new pg.Client({ connectionString: withDatabase(postgres.serverUrl, DATABASE) });
  await client.connect();
  try {
    const children = Array.from({ length: 10_000 }, () => `child-${randomUUID()}`);
    const listOf = (response: number) => Array.from({ length: 150 }, (_, k) => children[(response * 37 + k * 61) % children.length]);
    // One row per child, as the hub stores them; `keys` gives the table's indexes.
    const perChild = (table: string, keys: { primaryKey: string; index?: string }) => ({
      create:
        `CREATE TABLE ${table} (id uuid NOT NULL, at timestamptz NOT NULL, child_id text NOT NULL, category text NOT NULL, viewer_agent_id text NOT NULL,
           viewer_name text NOT NULL, viewer_role text NOT NULL, viewer_institution text NOT NULL, read_at timestamptz, PRIMARY KEY (${keys.primaryKey}))` +
        (keys.index ? `; CREATE INDEX ${table}_index ON ${table} (${keys.index})` : ''),
      insert: `INSERT INTO ${table} SELECT gen_random_uuid(), $1::timestamptz, r.child_id, 'PROTECTION_STATUS', 'agent-bench', 'Infirmière fictive', 'PMI_NURSE', 'PMI-75', NULL
                 FROM unnest($2::text[]) AS r(child_id)`,
      table,
      read: `SELECT id, at, child_id FROM ${table} WHERE child_id = ANY($1::text[]) ORDER BY at DESC LIMIT 500`,
    });
    const models = {
      'one row per child': perChild('rows_model', { primaryKey: 'id', index: 'child_id, at DESC' }),
      'one row per child, one index (primary key child_id, at, id)': perChild('keyed_model', { primaryKey: 'child_id, at, id' }),
      'one row per response, child ids under GIN': {
        create: `CREATE TABLE batch_model (id uuid PRIMARY KEY, at timestamptz NOT NULL, child_ids text[] NOT NULL, category text NOT NULL, viewer_agent_id text NOT NULL,
                   viewer_name text NOT NULL, viewer_role text NOT NULL, viewer_institution text NOT NULL);
                 CREATE INDEX batch_model_children ON batch_model USING gin (child_ids)`,
        insert: `INSERT INTO batch_model VALUES (gen_random_uuid(), $1::timestamptz, $2::text[], 'PROTECTION_STATUS', 'agent-bench', 'Infirmière fictive', 'PMI_NURSE', 'PMI-75')`,
        table: 'batch_model',
        read: `SELECT b.id, b.at, c.child_id FROM batch_model b CROSS JOIN LATERAL unnest(b.child_ids) AS c(child_id)
                WHERE b.child_ids && $1::text[] AND c.child_id = ANY($1::text[]) ORDER BY b.at DESC LIMIT 500`,
      },
    };
    for (const model of Object.values(models)) await client.query(model.create);
    await client.query('CHECKPOINT');
    process.stdout.write(`${responses} nurse responses of 150 children each, into each model\n`);
    for (const [name, model] of Object.entries(models)) {
      const before = postgresCpuMs();
      const started = performance.now();
      for (let response = 0; response < responses; response += 1) await client.query(model.insert, [new Date(), textArray(listOf(response))]);
      const wall = performance.now() - started;
      const inserted = postgresCpuMs();
      // GIN defers part of its work to a pending list, cleaned up by VACUUM: counted too.
      await client.query(`VACUUM ${model.table}`);
      const vacuumed = postgresCpuMs();
      const referent = children.slice(0, 40);
      let rows = 0;
      const reading = performance.now();
      for (let read = 0; read < 20; read += 1) rows = (await client.query(model.read, [textArray(referent)])).rowCount ?? 0;
      const perRead = (performance.now() - reading) / 20;
      const cpu = (from: number | null, to: number | null) => (from === null || to === null ? 'n/a' : `${((to - from) / responses).toFixed(2)} ms`);
      process.stdout.write(
        `${name}: PostgreSQL CPU ${cpu(before, inserted)} per response (+ ${cpu(inserted, vacuumed)} in VACUUM), wall ${(wall / responses).toFixed(2)} ms;` +
          ` a référent of 40 children reads ${rows} in ${perRead.toFixed(1)} ms\n`,
      );
    }
  } finally {
    await client.end();
    await dropDatabase(postgres.serverUrl, DATABASE);
    await postgres.stop();
  }
}

void main();
