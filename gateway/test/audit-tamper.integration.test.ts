import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, openAndMigrate } from '../../common/src/db/data-source';
import { DataCategory, Role } from '../../common/src/domain';
import { createTestDatabase, ensureRuntimeRole } from '../../test/support/databases';
import { AuditLog1732300003000 } from '../migrations/1732300003000-audit-log';
import { InitHubDirectory1732300001000 } from '../migrations/1732300001000-init-hub-directory';
import { HubRuntimeRoleConsentNotifications1732300002000 } from '../migrations/1732300002000-hub-runtime-role-consent-notifications';
import { chainHash, type ChainContent } from '../src/audit/audit-chain';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { AuditLog } from '../src/audit/audit-log';

/**
 * A superuser can bypass the append-only triggers (`session_replication_role = replica`);
 * what it then changes must show in `verify()`, which names the first entry out of place.
 */
const KEY = 'integration-test-audit-chain-key-0123456789';
const MIGRATIONS = [InitHubDirectory1732300001000, HubRuntimeRoleConsentNotifications1732300002000, AuditLog1732300003000];
const COLUMNS = 'id, at, agent_id, role, institution, operation_name, operation_hash, child_ids, released, withheld, prev_hash, hash';
const FORGED_ID = '00000000-0000-4000-8000-00000000f0f0';

interface Chain {
  ids: string[];
  hashes: string[];
}

/** Rewrites the table as a superuser with triggers off; `chain` holds e1…e5 (seq 1…5). */
type Tamper = (sql: pg.Client, chain: Chain) => Promise<void>;

/** Moves the rows `where` selects to the positions `seqExpression` gives (seq itself cannot be updated). */
async function moveRows(sql: pg.Client, where: string, seqExpression: string): Promise<void> {
  await sql.query(`CREATE TEMP TABLE moved AS SELECT * FROM audit_entry WHERE ${where}`);
  await sql.query(`DELETE FROM audit_entry WHERE ${where}`);
  await sql.query(`INSERT INTO audit_entry (seq, ${COLUMNS}) OVERRIDING SYSTEM VALUE SELECT ${seqExpression}, ${COLUMNS} FROM moved`);
  await sql.query('DROP TABLE moved');
}

/** An entry an attacker without the key would write after e2. */
function forged(chain: Chain): ChainContent & { prevHash: string; hash: string } {
  const content: ChainContent = {
    id: FORGED_ID,
    at: new Date('2025-09-01T08:02:30.000Z'),
    agentId: 'agent-x',
    role: Role.JUDGE,
    institution: 'TJ-75',
    operationName: 'ChildFile',
    operationHash: 'f'.repeat(64),
    childIds: ['child-1'],
    released: [DataCategory.IDENTITY],
    withheld: [],
  };
  return { ...content, prevHash: chain.hashes[1], hash: chainHash('not-the-hub-key', chain.hashes[1], content) };
}

async function insertForged(sql: pg.Client, seq: number, row: ReturnType<typeof forged>): Promise<void> {
  await sql.query(`INSERT INTO audit_entry (seq, ${COLUMNS}) OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`, [
    seq, row.id, row.at, row.agentId, row.role, row.institution, row.operationName, row.operationHash, [...row.childIds], [...row.released], '[]', row.prevHash, row.hash,
  ]);
}

const CASES: Array<[string, Tamper, (chain: Chain) => string | null, number]> = [
  ['an edited row', (sql, { ids }) => sql.query("UPDATE audit_entry SET institution = 'ASE-92' WHERE id = $1", [ids[2]]).then(() => undefined), ({ ids }) => ids[2], 3],
  ['a withheld reason removed', (sql, { ids }) => sql.query("UPDATE audit_entry SET withheld = '[]' WHERE id = $1", [ids[1]]).then(() => undefined), ({ ids }) => ids[1], 2],
  // Finer than the canonical form shows: the hub writes whole milliseconds and three keys.
  ['a time moved by 300 µs', (sql, { ids }) => sql.query("UPDATE audit_entry SET at = at + interval '300 microseconds' WHERE id = $1", [ids[2]]).then(() => undefined), ({ ids }) => ids[2], 3],
  ['a key slipped into a withheld item', (sql, { ids }) => sql.query(`UPDATE audit_entry SET withheld = jsonb_set(withheld, '{0,note}', '"Camille Martin"') WHERE id = $1`, [ids[1]]).then(() => undefined), ({ ids }) => ids[1], 2],
  ['a deleted row', (sql, { ids }) => sql.query('DELETE FROM audit_entry WHERE id = $1', [ids[2]]).then(() => undefined), ({ ids }) => ids[3], 3],
  ['the first row deleted', (sql, { ids }) => sql.query('DELETE FROM audit_entry WHERE id = $1', [ids[0]]).then(() => undefined), ({ ids }) => ids[1], 1],
  [
    'a forged row inserted after e2',
    async (sql, chain) => {
      // Its owner can lift the unique prev_hash that keeps a second row from claiming e2.
      await sql.query('ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_prev_hash_key');
      await moveRows(sql, 'seq > 2', 'seq + 1');
      await insertForged(sql, 3, forged(chain));
    },
    () => FORGED_ID,
    3,
  ],
  ['a forged row appended', (sql, chain) => insertForged(sql, 6, { ...forged(chain), prevHash: chain.hashes[4] }), () => FORGED_ID, 6],
  // Entry ids are uuids the hub generated: safe to inline.
  ['two swapped rows', (sql, { ids }) => moveRows(sql, `id IN ('${ids[2]}', '${ids[3]}')`, `CASE WHEN id = '${ids[2]}' THEN seq + 1 ELSE seq - 1 END`), ({ ids }) => ids[3], 3],
];

describe('AuditLog.verify against a superuser bypassing the triggers', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let sql: pg.Client;
  let audit: AuditLog;

  /** A fresh log of five entries (the table cannot be emptied otherwise, by design). */
  async function freshChain(): Promise<Chain> {
    await sql.query('TRUNCATE audit_entry RESTART IDENTITY');
    await sql.query('ALTER TABLE audit_entry DROP CONSTRAINT IF EXISTS audit_entry_prev_hash_key, ADD CONSTRAINT audit_entry_prev_hash_key UNIQUE (prev_hash)');
    const ids: string[] = [];
    for (let n = 1; n <= 5; n += 1) {
      ids.push(await audit.append({
        agentId: `agent-${n}`, role: Role.ASE_REFERENT, institution: 'ASE-75', operationName: 'ChildFile', operationHash: 'a'.repeat(64),
        childIds: ['child-1'], released: [DataCategory.IDENTITY], withheld: [{ category: DataCategory.CONCERN, reason: 'NEED_TO_KNOW', count: n }],
      }));
    }
    const rows: Array<{ hash: string }> = await dataSource.query('SELECT hash FROM audit_entry ORDER BY seq');
    return { ids, hashes: rows.map((row) => row.hash) };
  }

  beforeAll(async () => {
    database = await createTestDatabase('audit_tamper');
    await ensureRuntimeRole(database.url);
    dataSource = await openAndMigrate(createDataSource({ url: database.url, applicationName: 'cp-audit-test', entities: [AuditEntry], migrations: MIGRATIONS, poolSize: 2 }));
    audit = new AuditLog(dataSource, KEY);
    sql = new pg.Client({ connectionString: database.url });
    await sql.connect();
    await sql.query('SET session_replication_role = replica');
  });
  afterAll(async () => {
    await sql.end();
    await dataSource.destroy();
    await database.drop();
  });

  it('finds an untouched chain intact', async () => {
    await freshChain();
    expect(await audit.verify()).toEqual({ ok: true, checkedEntries: 5, firstBrokenEntryId: null, tailMissing: false });
  });

  it.each(CASES)('names the first entry out of place after %s', async (_label, tamper, brokenId, checkedEntries) => {
    const chain = await freshChain();
    await tamper(sql, chain);
    expect(await audit.verify()).toEqual({ ok: false, checkedEntries, firstBrokenEntryId: brokenId(chain), tailMissing: false });
  });

  it('refuses a second entry chained to the same predecessor (no fork), triggers or not', async () => {
    const chain = await freshChain();
    const error = await insertForged(sql, 6, forged(chain)).then(() => null, (caught: unknown) => caught);
    expect(error).toMatchObject({ code: '23505', constraint: 'audit_entry_prev_hash_key' });
  });

  it('sees a truncated tail only against a head recorded earlier', async () => {
    const chain = await freshChain();
    const head = await audit.head();
    expect(head).toEqual({ seq: '5', hash: chain.hashes[4] });
    await sql.query('DELETE FROM audit_entry WHERE seq > 3');
    expect(await audit.verify()).toEqual({ ok: true, checkedEntries: 3, firstBrokenEntryId: null, tailMissing: false });
    expect(await audit.verify(head ?? undefined)).toEqual({ ok: false, checkedEntries: 3, firstBrokenEntryId: null, tailMissing: true });
  });

  it('reads the chain in batches of 1,000', async () => {
    await freshChain();
    // 2,000 more entries, hashed as the hub would, written in one statement.
    const rows: Array<{ hash: string }> = await dataSource.query('SELECT hash FROM audit_entry ORDER BY seq DESC LIMIT 1');
    let prevHash = rows[0].hash;
    const values: unknown[][] = [];
    for (let n = 0; n < 2_000; n += 1) {
      const content: ChainContent = {
        id: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`, at: new Date(Date.UTC(2025, 9, 1, 0, 0, n)), agentId: 'agent-bulk', role: Role.DPO,
        institution: 'HUB', operationName: null, operationHash: 'b'.repeat(64), childIds: [], released: [], withheld: [],
      };
      const hash = chainHash(KEY, prevHash, content);
      values.push([content.id, content.at.toISOString(), hash, prevHash]);
      prevHash = hash;
    }
    await sql.query(
      `INSERT INTO audit_entry (${COLUMNS})
       SELECT (v->>0)::uuid, (v->>1)::timestamptz, 'agent-bulk', 'DPO', 'HUB', NULL, repeat('b', 64), '{}', '{}', '[]', v->>3, v->>2
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(v, n) ORDER BY n`,
      [JSON.stringify(values)],
    );
    expect(await audit.verify()).toEqual({ ok: true, checkedEntries: 2_005, firstBrokenEntryId: null, tailMissing: false });
    // The head is the greatest seq as a number, not as text ('999' sorts after '2005').
    const [{ max }]: Array<{ max: string }> = await dataSource.query('SELECT max(seq)::text AS max FROM audit_entry');
    expect(max.length).toBeGreaterThan(3);
    expect((await audit.head())?.seq).toBe(max);
    // Pages: 50 by default, never more than 200.
    const pageSizes = async (first?: number) => {
      const page = await audit.page({}, first);
      return { edges: page.edges.length, hasNextPage: page.pageInfo.hasNextPage };
    };
    expect([await pageSizes(), await pageSizes(500)]).toEqual([{ edges: 50, hasNextPage: true }, { edges: 200, hasNextPage: true }]);
    await sql.query("UPDATE audit_entry SET agent_id = 'agent-other' WHERE id = $1", [values[1_500][0]]);
    expect(await audit.verify()).toEqual({ ok: false, checkedEntries: 1_506, firstBrokenEntryId: values[1_500][0], tailMissing: false });
  });
});
