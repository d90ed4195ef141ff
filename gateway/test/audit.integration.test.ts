import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, openAndMigrate } from '../../common/src/db/data-source';
import { DataCategory, Role } from '../../common/src/domain';
import { createTestDatabase, ensureRuntimeRole } from '../../test/support/databases';
import { AuditLog1732300003000 } from '../migrations/1732300003000-audit-log';
import { InitHubDirectory1732300001000 } from '../migrations/1732300001000-init-hub-directory';
import { HubRuntimeRoleConsentNotifications1732300002000 } from '../migrations/1732300002000-hub-runtime-role-consent-notifications';
import { GENESIS_HASH } from '../src/audit/audit-chain';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { type AuditRecord, AuditLog } from '../src/audit/audit-log';
import { type ReleaseRecord, ReleaseRecorder } from '../src/audit/release-recorder';

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
    ['a seq past the largest bigint', null, Buffer.from('9999999999999999999').toString('base64url'), 'after'],
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

describe('ReleaseRecorder: group commit of audit entries and notifications', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let first: DataSource;
  let second: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase('audit_group');
    await ensureRuntimeRole(database.url);
    first = await openAndMigrate(hubDataSource(database.url));
    second = await openAndMigrate(hubDataSource(database.url));
  });
  afterAll(async () => {
    await Promise.all([first.destroy(), second.destroy()]);
    await database.drop();
  });

  const viewer = { id: 'agent-nurse', name: 'Infirmière fictive', role: Role.PMI_NURSE, institution: 'PMI-75' };
  const release = (agentId: string, childId: string, notify = false): ReleaseRecord => ({
    audit: record(agentId, [childId]),
    notifications: notify ? [{ viewer, childId, category: DataCategory.PROTECTION_STATUS }] : [],
  });
  /** A clock that moves one minute per batch: the distinct `at` of a run count its statements. */
  const batchClock = (start: number) => {
    let minute = start;
    return () => T((minute += 1));
  };
  const batchesOf = async (agentId: string) =>
    (await first.query('SELECT count(DISTINCT at)::int AS batches, count(*)::int AS entries FROM audit_entry WHERE agent_id = $1', [agentId]))[0];

  it('writes the responses that arrive during a write together, in chain order', async () => {
    const recorder = new ReleaseRecorder(first, KEY, { now: batchClock(0) });
    await Promise.all(Array.from({ length: 60 }, (_, n) => recorder.record(release('agent-burst', `child-${n}`))));
    // The first write starts at once, alone; the 59 that queued behind it share the next.
    expect(await batchesOf('agent-burst')).toEqual({ batches: 2, entries: 60 });
    const order = await first.query("SELECT child_ids[1] AS child FROM audit_entry WHERE agent_id = 'agent-burst' ORDER BY seq");
    expect(order.map((row: { child: string }) => row.child)).toEqual(Array.from({ length: 60 }, (_, n) => `child-${n}`));
    expect(await new AuditLog(first, KEY).verify()).toMatchObject({ ok: true, checkedEntries: 60 });
  });

  it('caps a batch at maxBatch responses', async () => {
    const recorder = new ReleaseRecorder(first, KEY, { maxBatch: 10, now: batchClock(100) });
    await Promise.all(Array.from({ length: 60 }, (_, n) => recorder.record(release('agent-capped', `child-${n}`))));
    expect(await batchesOf('agent-capped')).toEqual({ batches: 1 + 6, entries: 60 });
  });

  it('writes the référent notifications with the entries', async () => {
    const recorder = new ReleaseRecorder(first, KEY);
    await Promise.all([recorder.record(release('agent-nurse', 'child-n1', true)), recorder.record(release('agent-nurse', 'child-n2', true)), recorder.record(release('agent-nurse', 'child-n3'))]);
    expect(await first.query("SELECT child_id, category, viewer_name, viewer_role, viewer_institution, read_at FROM access_notification WHERE viewer_agent_id = 'agent-nurse' ORDER BY child_id")).toEqual([
      { child_id: 'child-n1', category: 'PROTECTION_STATUS', viewer_name: 'Infirmière fictive', viewer_role: 'PMI_NURSE', viewer_institution: 'PMI-75', read_at: null },
      { child_id: 'child-n2', category: 'PROTECTION_STATUS', viewer_name: 'Infirmière fictive', viewer_role: 'PMI_NURSE', viewer_institution: 'PMI-75', read_at: null },
    ]);
    expect((await batchesOf('agent-nurse')).entries).toBe(3);
  });

  it('names each notification of a batch after its own viewer', async () => {
    const recorder = new ReleaseRecorder(first, KEY, { now: batchClock(200) });
    const viewers = [1, 2, 3].map((n) => ({ id: `agent-mixed-${n}`, name: `Agent fictif ${n}`, role: n === 2 ? Role.PMI_DOCTOR : Role.PMI_NURSE, institution: `PMI-9${n}` }));
    // Two responses per viewer, interleaved; all but the first are written by one statement.
    await Promise.all(
      [0, 1, 2, 0, 1, 2].map((v, n) =>
        recorder.record({
          audit: record(viewers[v].id, [`child-m${n}`, `child-m${n}b`]),
          notifications: [`child-m${n}`, `child-m${n}b`].map((childId) => ({ viewer: viewers[v], childId, category: DataCategory.PROTECTION_STATUS })),
        }),
      ),
    );
    const rows = await first.query("SELECT id, child_id, viewer_agent_id, viewer_name, viewer_role, viewer_institution FROM access_notification WHERE viewer_agent_id LIKE 'agent-mixed-%' ORDER BY child_id");
    expect(rows.map(({ id: _id, ...row }: Record<string, string>) => row)).toEqual(
      [0, 1, 2, 0, 1, 2].flatMap((v, n) =>
        [`child-m${n}`, `child-m${n}b`].map((child_id) => ({ child_id, viewer_agent_id: viewers[v].id, viewer_name: viewers[v].name, viewer_role: viewers[v].role, viewer_institution: viewers[v].institution })),
      ),
    );
    expect(new Set(rows.map((row: { id: string }) => row.id)).size).toBe(12);
    expect(await first.query("SELECT count(DISTINCT at)::int AS batches FROM audit_entry WHERE agent_id LIKE 'agent-mixed-%'")).toEqual([{ batches: 2 }]);
  });

  it('rejects every response of a batch that cannot be written, writes none of it, and goes on', async () => {
    const recorder = new ReleaseRecorder(first, KEY);
    const before = (await batchesOf('agent-failed')).entries;
    const blocker = recorder.record(release('agent-failed', 'child-f0'));
    // PostgreSQL refuses NUL in text: this batch (and every response in it) fails.
    const batch = [recorder.record(release('agent-failed', 'child-f1', true)), recorder.record({ ...release('agent-failed', 'child-f2'), audit: record('agent-failed', ['child-f2'], { institution: 'bad\u0000' }) })];
    await blocker;
    expect(await Promise.allSettled(batch)).toEqual([expect.objectContaining({ status: 'rejected' }), expect.objectContaining({ status: 'rejected' })]);
    expect((await batchesOf('agent-failed')).entries).toBe(before + 1);
    expect(await first.query("SELECT count(*)::int AS n FROM access_notification WHERE child_id = 'child-f1'")).toEqual([{ n: 0 }]);
    await recorder.record(release('agent-failed', 'child-f3'));
    expect((await batchesOf('agent-failed')).entries).toBe(before + 2);
    expect(await new AuditLog(first, KEY).verify()).toMatchObject({ ok: true });
  });

  it('keeps one chain when two processes and a locked appender write at once', async () => {
    const recorders = [new ReleaseRecorder(first, KEY), new ReleaseRecorder(second, KEY)];
    const locked = new AuditLog(second, KEY);
    const before = (await new AuditLog(first, KEY).verify()).checkedEntries;
    // Rounds: after the first, each recorder chains from a head the others have moved.
    for (let round = 0; round < 8; round += 1) {
      await Promise.all([
        ...recorders.flatMap((recorder, process) => Array.from({ length: 25 }, (_, n) => recorder.record(release(`agent-p${process}`, `child-${round}-${n}`)))),
        ...Array.from({ length: 5 }, (_, n) => locked.append(record('agent-locked', [`child-${round}-${n}`]))),
      ]);
    }
    expect(await new AuditLog(first, KEY).verify()).toEqual({ ok: true, checkedEntries: before + 8 * 55, firstBrokenEntryId: null, tailMissing: false });
    expect(await first.query("SELECT agent_id, count(*)::int AS count FROM audit_entry WHERE agent_id IN ('agent-p0', 'agent-p1', 'agent-locked') GROUP BY agent_id ORDER BY agent_id")).toEqual([
      { agent_id: 'agent-locked', count: 40 },
      { agent_id: 'agent-p0', count: 200 },
      { agent_id: 'agent-p1', count: 200 },
    ]);
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
