import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, openAndMigrate } from '../../common/src/db/data-source';
import { DataCategory, Role } from '../../common/src/domain';
import { createTestDatabase } from '../../test/support/databases';
import { AuditLog1732300003000 } from '../migrations/1732300003000-audit-log';
import { InitHubDirectory1732300001000 } from '../migrations/1732300001000-init-hub-directory';
import { HubRuntimeRoleConsentNotifications1732300002000 } from '../migrations/1732300002000-hub-runtime-role-consent-notifications';
import { GENESIS_HASH } from '../src/audit/audit-chain';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { type AuditRecord, AuditLog } from '../src/audit/audit-log';

const KEY = 'integration-test-audit-chain-key-0123456789';
const MIGRATIONS = [InitHubDirectory1732300001000, HubRuntimeRoleConsentNotifications1732300002000, AuditLog1732300003000];

function hubDataSource(url: string, migrations = MIGRATIONS): DataSource {
  return createDataSource({ url, applicationName: 'cp-audit-test', entities: [AuditEntry], migrations, poolSize: 5 });
}

function record(agentId: string, childIds: string[], overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    agentId,
    role: Role.ASE_REFERENT,
    institution: 'ASE-75',
    operationName: 'ChildFile',
    operationHash: 'c'.repeat(64),
    childIds,
    released: [DataCategory.IDENTITY],
    withheld: [],
    ...overrides,
  };
}

/** The SQLSTATE a statement fails with, or 'ok'. */
async function sqlState(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? 'no code';
  }
}

/**
 * Creates `cp_hub_runtime` before migrating. Migration 1732300002000 checks then creates it,
 * which races when two test files migrate their databases on a fresh cluster at once (roles
 * are cluster-wide, the migration lock is per database); see the report to the lead.
 */
async function ensureRuntimeRole(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE ROLE cp_hub_runtime NOLOGIN');
  } catch (error) {
    // 42710 duplicate_object, 23505 when the other creator has not committed yet.
    if (!['42710', '23505'].includes((error as { code?: string }).code ?? '')) throw error;
  } finally {
    await client.end();
  }
}

const T = (minute: number) => new Date(Date.UTC(2025, 8, 1, 8, minute, 0, 123));

describe('AuditLog: append and page', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;
  let audit: AuditLog;
  const ids: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('audit');
    await ensureRuntimeRole(database.url);
    dataSource = await openAndMigrate(hubDataSource(database.url));
    let minute = 0;
    audit = new AuditLog(dataSource, KEY, { now: () => T((minute += 1)) });
    ids.push(await audit.append(record('agent-a', ['child-1'], {
      released: [DataCategory.IDENTITY, DataCategory.CONCERN, DataCategory.IDENTITY],
      withheld: [{ category: DataCategory.HEALTH_DETAILS, reason: 'CONSENT_REQUIRED', count: 2 }, { category: DataCategory.HEALTH_DETAILS, reason: 'NEED_TO_KNOW', count: 1 }],
    })));
    ids.push(await audit.append(record('agent-b', ['child-2', 'child-1'], { role: Role.PMI_NURSE, institution: 'PMI-75', operationName: null })));
    ids.push(await audit.append(record('agent-a', ['child-2'])));
    ids.push(await audit.append(record('agent-a', [])));
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const idsOf = (connection: { edges: Array<{ node: AuditEntry }> }) => connection.edges.map((edge) => edge.node.id);

  it('stores the entry as given, ids and categories deduplicated and sorted, chained from genesis', async () => {
    const { edges } = await audit.page({ agentId: 'agent-a', to: T(1) }, 1, null);
    const node = edges[0].node;
    expect({ ...node }).toEqual({
      seq: '1',
      id: ids[0],
      at: T(1),
      agentId: 'agent-a',
      role: 'ASE_REFERENT',
      institution: 'ASE-75',
      operationName: 'ChildFile',
      operationHash: 'c'.repeat(64),
      childIds: ['child-1'],
      released: ['CONCERN', 'IDENTITY'],
      withheldReasons: [{ category: 'HEALTH_DETAILS', reason: 'CONSENT_REQUIRED', count: 2 }, { category: 'HEALTH_DETAILS', reason: 'NEED_TO_KNOW', count: 1 }],
      prevHash: GENESIS_HASH,
      hash: node.hash,
    });
    expect(node.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(node.withheld).toEqual(['HEALTH_DETAILS']);
  });

  it('pages newest first with an opaque cursor', async () => {
    const first = await audit.page({}, 3, null);
    expect(idsOf(first)).toEqual([ids[3], ids[2], ids[1]]);
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[2].cursor });
    const second = await audit.page({}, 3, first.pageInfo.endCursor);
    expect(idsOf(second)).toEqual([ids[0]]);
    expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: second.edges[0].cursor });
    expect(await audit.page({}, 3, second.pageInfo.endCursor)).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('has no next page when the page ends exactly at the last entry', async () => {
    const page = await audit.page({}, 4, null);
    expect(idsOf(page)).toEqual([ids[3], ids[2], ids[1], ids[0]]);
    expect(page.pageInfo.hasNextPage).toEqual(false);
  });

  it.each<[string, Parameters<AuditLog['page']>[0], number[]]>([
    ['no filter', {}, [3, 2, 1, 0]],
    ['a child', { childId: 'child-1' }, [1, 0]],
    ['another child', { childId: 'child-2' }, [2, 1]],
    ['an unknown child', { childId: 'child-9' }, []],
    ['an agent', { agentId: 'agent-a' }, [3, 2, 0]],
    ['from (inclusive)', { from: T(2) }, [3, 2, 1]],
    ['to (inclusive)', { to: T(2) }, [1, 0]],
    ['a period', { from: T(2), to: T(3) }, [2, 1]],
    ['everything at once', { childId: 'child-2', agentId: 'agent-a', from: T(1), to: T(4) }, [2]],
  ])('filters by %s', async (_label, filter, expected) => {
    expect(idsOf(await audit.page(filter))).toEqual(expected.map((index) => ids[index]));
  });

  it('continues a filtered page after its cursor', async () => {
    const first = await audit.page({ agentId: 'agent-a' }, 2, undefined);
    expect(idsOf(first)).toEqual([ids[3], ids[2]]);
    expect(first.pageInfo.hasNextPage).toEqual(true);
    expect(idsOf(await audit.page({ agentId: 'agent-a' }, 2, first.pageInfo.endCursor))).toEqual([ids[0]]);
  });

  it.each<[string, number | null, string | null, string]>([
    ['a cursor that is not base64url of a seq', null, 'bm90LWEtc2Vx', 'after'],
    ['garbage', null, '!!!', 'after'],
    ['a non-canonical cursor', null, 'MQ==', 'after'],
    ['first = 0', 0, null, 'first'],
    ['a negative first', -5, null, 'first'],
  ])('refuses %s with BAD_USER_INPUT', async (_label, first, after, field) => {
    const error = await audit.page({}, first, after).then(() => null, (caught: unknown) => caught);
    expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
  });

  it('verifies the chain', async () => {
    expect(await audit.verify()).toEqual({ ok: true, checkedEntries: 4, firstBrokenEntryId: null, tailMissing: false });
    const head = await audit.head();
    expect(head?.seq).toEqual('4');
    expect(await audit.verify(head ?? undefined)).toEqual({ ok: true, checkedEntries: 4, firstBrokenEntryId: null, tailMissing: false });
  });

  it('appends inside the caller’s transaction: a rollback leaves no entry and an intact chain', async () => {
    const failed = dataSource.transaction(async (manager) => {
      await audit.append(record('agent-c', ['child-3']), manager);
      throw new Error('the response failed');
    });
    await expect(failed).rejects.toThrow('the response failed');
    expect(idsOf(await audit.page({ agentId: 'agent-c' }))).toEqual([]);
    const committed = await dataSource.transaction((manager) => audit.append(record('agent-c', ['child-3']), manager));
    expect(idsOf(await audit.page({ agentId: 'agent-c' }))).toEqual([committed]);
    expect(await audit.verify()).toEqual({ ok: true, checkedEntries: 5, firstBrokenEntryId: null, tailMissing: false });
  });
});

describe('AuditLog: several hub processes appending at once', () => {
  it('keeps one valid chain', async () => {
    const database = await createTestDatabase('audit_conc');
    await ensureRuntimeRole(database.url);
    const first = await openAndMigrate(hubDataSource(database.url));
    const second = await openAndMigrate(hubDataSource(database.url));
    try {
      const logs = [new AuditLog(first, KEY), new AuditLog(second, KEY)];
      await Promise.all(logs.flatMap((log, process) => Array.from({ length: 50 }, (_, n) => log.append(record(`agent-${process}`, [`child-${n}`])))));
      expect(await logs[0].verify()).toEqual({ ok: true, checkedEntries: 100, firstBrokenEntryId: null, tailMissing: false });
      expect(await first.query('SELECT agent_id, count(*)::int AS count FROM audit_entry GROUP BY agent_id ORDER BY agent_id')).toEqual([
        { agent_id: 'agent-0', count: 50 },
        { agent_id: 'agent-1', count: 50 },
      ]);
    } finally {
      await Promise.all([first.destroy(), second.destroy()]);
      await database.drop();
    }
  });
});

describe('audit_entry privileges of the runtime role', () => {
  const roleName = `t_audit_runtime_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let owner: DataSource;
  let runtime: DataSource;
  let runtimeClient: pg.Client;
  let superuser: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase('audit_priv');
    await ensureRuntimeRole(database.url);
    owner = await openAndMigrate(hubDataSource(database.url));
    await owner.query(`CREATE ROLE ${roleName} LOGIN PASSWORD '${password}' IN ROLE cp_hub_runtime`);
    const runtimeUrl = new URL(database.url);
    runtimeUrl.username = roleName;
    runtimeUrl.password = password;
    runtime = await hubDataSource(runtimeUrl.toString(), []).initialize();
    runtimeClient = new pg.Client({ connectionString: runtimeUrl.toString() });
    await runtimeClient.connect();
    superuser = new pg.Client({ connectionString: database.url });
    await superuser.connect();
  });
  afterAll(async () => {
    await runtimeClient.end();
    await runtime.destroy();
    await superuser.end();
    await owner.query(`DROP ROLE ${roleName}`);
    await owner.destroy();
    await database.drop();
  });

  it('may append (INSERT) and read (SELECT)', async () => {
    const audit = new AuditLog(runtime, KEY);
    const id = await audit.append(record('agent-a', ['child-1']));
    expect((await audit.page({})).edges.map((edge) => edge.node.id)).toEqual([id]);
    expect(await audit.verify()).toEqual({ ok: true, checkedEntries: 1, firstBrokenEntryId: null, tailMissing: false });
  });

  it('may neither change, remove, nor unprotect entries', async () => {
    const statements = {
      update: 'UPDATE audit_entry SET institution = institution',
      delete: 'DELETE FROM audit_entry',
      truncate: 'TRUNCATE audit_entry',
      disableTriggers: 'ALTER TABLE audit_entry DISABLE TRIGGER ALL',
      dropTrigger: 'DROP TRIGGER audit_entry_no_update_delete ON audit_entry',
      replicationRole: 'SET session_replication_role = replica',
      insertExplicitSeq: `INSERT INTO audit_entry (seq, id, at, agent_id, role, institution, operation_hash, child_ids, released, withheld, prev_hash, hash)
        OVERRIDING SYSTEM VALUE VALUES (999, gen_random_uuid(), now(), 'x', 'DPO', 'x', 'x', '{}', '{}', '[]', repeat('1', 64), repeat('2', 64))`,
    };
    const states: Record<string, string> = {};
    for (const [name, sql] of Object.entries(statements)) states[name] = await sqlState(runtimeClient.query(sql));
    expect(states).toEqual({
      update: '42501',
      delete: '42501',
      truncate: '42501',
      disableTriggers: '42501',
      dropTrigger: '42501',
      replicationRole: '42501',
      // INSERT is granted on every column but seq: no row at a position of its choosing.
      insertExplicitSeq: '42501',
    });
    expect(await new AuditLog(runtime, KEY).verify()).toEqual({ ok: true, checkedEntries: 1, firstBrokenEntryId: null, tailMissing: false });
  });

  it('refuses UPDATE, DELETE and TRUNCATE even to the owner while the triggers are on', async () => {
    expect({
      update: await sqlState(superuser.query('UPDATE audit_entry SET institution = institution')),
      delete: await sqlState(superuser.query('DELETE FROM audit_entry')),
      truncate: await sqlState(superuser.query('TRUNCATE audit_entry')),
    }).toEqual({ update: 'P0001', delete: 'P0001', truncate: 'P0001' });
  });
});
