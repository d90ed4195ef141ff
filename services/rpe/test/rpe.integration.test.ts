import { clearOfParisMidnight, parisDay } from '../../../test/support/paris-day';
import { unsignedPost } from '../../../test/support/subgraph-client';
import { startTestSubgraph, type TestSubgraph } from '../../../test/support/start-test-subgraph';
import { feedbackDueBy } from '../src/domain/calendar';
import { rpeSubgraph } from '../src/service';
import { amina, call, claire, CONCERN_FIELDS, countRows, firstError, helene, julien, karim, lyonCrip, nathalie, otherRelais } from './rpe-fixtures';

let subgraph: TestSubgraph;
let otherRelaisChildminderId: string;

beforeAll(async () => {
  subgraph = await startTestSubgraph(rpeSubgraph);
  await rpeSubgraph.seedDemo(subgraph.dataSource);
  const res = await call<{ registerChildminder: { id: string } }>(
    subgraph,
    `mutation ($input: RegisterChildminderInput!) { registerChildminder(input: $input) { id } }`,
    { input: { idempotencyKey: 'key-other-relais-cm', name: 'Personne Fictive', agrementNumber: 'AGR-75-2020-0001', capacity: 3, agrementValidUntil: '2030-01-31' } },
    otherRelais,
  );
  otherRelaisChildminderId = res.body.data?.registerChildminder.id ?? '';
});
afterAll(() => subgraph.stop());

const CHILD_FIELDS = `id childcare { id startDate endDate schedule childminder { id name agrementNumber capacity relais } } concerns { ${CONCERN_FIELDS} }`;
const ENTITIES = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Child { ${CHILD_FIELDS} } } }`;
const reps = (...ids: string[]) => ids.map((id) => ({ __typename: 'Child', id }));

const sophie = { id: 'childminder-sophie', name: 'Sophie Bernard', agrementNumber: 'AGR-75-2019-0412', capacity: 4, relais: 'RPE-75-11' };
const seedArrangement = (id: string, startDate: string) => ({ id, startDate, endDate: null, schedule: 'lun.–ven. 8h30–17h30', childminder: sophie });
const seedConcern = {
  id: 'concern-sacha-1',
  status: 'UNDER_EVALUATION',
  category: 'NEGLECT',
  severity: 'HIGH',
  observedAt: '2026-10-24',
  raisedAt: '2026-10-27T09:30:00.000Z',
  description: 'Enfant laissé seul dans la pièce de repos à plusieurs reprises, couches non changées (texte fictif).',
  feedbackDueBy: '2027-01-27',
  acknowledgedAt: '2026-10-28T10:00:00.000Z',
  evaluationStartedAt: '2026-10-28T14:00:00.000Z',
  closedAt: null,
  outcome: null,
  children: [{ id: 'child-sacha' }],
  childminder: { id: 'childminder-sophie', name: 'Sophie Bernard' },
  raisedBy: { name: 'Amina Diallo', institution: 'RPE-75-11', phone: '01 00 00 00 31', email: 'amina.diallo@rpe75.example' },
};

describe('Child fields by reference', () => {
  it('resolves childcare and concerns of the seeded children', async () => {
    const res = await call(subgraph, ENTITIES, { reps: reps('child-sacha', 'child-lea', 'child-ines') }, null);
    expect(res.body).toEqual({
      data: {
        _entities: [
          { id: 'child-sacha', childcare: [seedArrangement('arrangement-sacha', '2024-09-02')], concerns: [seedConcern] },
          { id: 'child-lea', childcare: [seedArrangement('arrangement-lea', '2024-09-02')], concerns: [] },
          { id: 'child-ines', childcare: [], concerns: [] },
        ],
      },
    });
  });

  it.each([
    ['the reporting relais', amina, seedConcern.raisedBy],
    ['the CRIP', karim, seedConcern.raisedBy],
    ['the ASE head', nathalie, seedConcern.raisedBy],
    // Related to the child through a concern of their own, they get the child's concerns but
    // not who raised another département's (DESIGN: "the CRIP", the one it was sent to).
    ['no CRIP of another département', lyonCrip, null],
    ['no ASE head of another département', { ...nathalie, agentId: 'agent-ase-head-69', institution: 'ASE-69' }, null],
  ])('names the reporter to %s', async (_label, viewer, raisedBy) => {
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Child { concerns { raisedBy { name institution phone email } } } } }`;
    const res = await call(subgraph, query, { reps: reps('child-sacha') }, viewer);
    expect(res.body).toEqual({ data: { _entities: [{ concerns: [{ raisedBy }] }] } });
  });

  // A relais follows what became of its own reports: another relais's description and the
  // CRIP's outcome belong to the protection file.
  it('lists another relais caring for the same child none of the reporting relais’s concerns', async () => {
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Child { concerns { id description outcome } } } }`;
    const [other, own] = [await call(subgraph, query, { reps: reps('child-sacha') }, otherRelais), await call(subgraph, query, { reps: reps('child-sacha') }, amina)];
    expect(other.body).toEqual({ data: { _entities: [{ concerns: [] }] } });
    expect((own.body.data as { _entities: Array<{ concerns: unknown[] }> })._entities[0].concerns).toHaveLength(1);
  });
});

describe('seedDemo', () => {
  it('changes nothing when run again', async () => {
    const tables = ['relais', 'rpe_agent', 'childminder', 'childcare_arrangement', 'concern', 'concern_child'] as const;
    const before = await Promise.all(tables.map((table) => countRows(subgraph, table)));
    await rpeSubgraph.seedDemo(subgraph.dataSource);
    expect(await Promise.all(tables.map((table) => countRows(subgraph, table)))).toEqual(before);
    const res = await call(subgraph, ENTITIES, { reps: reps('child-sacha') }, null);
    expect(res.body.data).toEqual({ _entities: [{ id: 'child-sacha', childcare: [seedArrangement('arrangement-sacha', '2024-09-02')], concerns: [seedConcern] }] });
  });
});

/** The statements the subgraph sent while `run` ran, with their parameters. */
async function sqlSentDuring<T>(run: () => Promise<T>): Promise<{ result: T; sent: Array<{ sql: string; parameters: unknown[] }> }> {
  const sent: Array<{ sql: string; parameters: unknown[] }> = [];
  const logQuery = subgraph.sql.logQuery.bind(subgraph.sql);
  subgraph.sql.logQuery = (sql: string, parameters?: unknown[]) => {
    sent.push({ sql, parameters: parameters ?? [] });
    logQuery(sql);
  };
  try {
    return { result: await run(), sent };
  } finally {
    subgraph.sql.logQuery = logQuery;
  }
}

const RELATIONSHIPS = `query ($agentId: ID!, $role: String!, $institution: String!, $childIds: [ID!]) {
  _rpeCareRelationships(agentId: $agentId, role: $role, institution: $institution, childIds: $childIds) { childId kind } }`;

const sorted = (rows: Array<{ childId: string; kind: string }> | undefined) =>
  [...(rows ?? [])].sort((a, b) => `${a.kind}${a.childId}`.localeCompare(`${b.kind}${b.childId}`));

describe('care relationships', () => {
  it.each([
    ['the coordinator of the childminder’s relais', amina, null, [
      { childId: 'child-lea', kind: 'RELAIS_OF_CHILDMINDER' },
      { childId: 'child-noah', kind: 'RELAIS_OF_CHILDMINDER' },
      { childId: 'child-sacha', kind: 'RELAIS_OF_CHILDMINDER' },
      { childId: 'child-sacha', kind: 'REPORTING_RELAIS' },
    ]],
    ['the same coordinator among given children', amina, ['child-noah', 'child-ines'], [{ childId: 'child-noah', kind: 'RELAIS_OF_CHILDMINDER' }]],
    ['the same coordinator among given children, one named twice: each kind once', amina, ['child-sacha', 'child-lea', 'child-sacha', 'child-unknown'], [
      { childId: 'child-lea', kind: 'RELAIS_OF_CHILDMINDER' },
      { childId: 'child-sacha', kind: 'RELAIS_OF_CHILDMINDER' },
      { childId: 'child-sacha', kind: 'REPORTING_RELAIS' },
    ]],
    ['a coordinator of another relais among given children', otherRelais, ['child-sacha', 'child-lea'], []],
    ['a coordinator of another relais', otherRelais, null, []],
    ['the CRIP evaluator of the département', karim, null, [{ childId: 'child-sacha', kind: 'CRIP_RECEIVED_CONCERN' }]],
    ['the CRIP evaluator among children without a concern', karim, ['child-lea'], []],
    ['the CRIP evaluator among given children, one with a concern', karim, ['child-lea', 'child-sacha', 'child-sacha'], [{ childId: 'child-sacha', kind: 'CRIP_RECEIVED_CONCERN' }]],
    ['a CRIP evaluator of another département among given children', lyonCrip, ['child-sacha'], []],
    ['the ASE head of the département', nathalie, null, [{ childId: 'child-sacha', kind: 'CRIP_RECEIVED_CONCERN' }]],
    ['a CRIP evaluator of another département', lyonCrip, null, []],
    ['an ASE référent', julien, null, []],
    ['a judge', helene, null, []],
    ['a PMI nurse', claire, ['child-lea'], []],
  ])('%s', async (_label, viewer, childIds, expected) => {
    const res = await call<{ _rpeCareRelationships: Array<{ childId: string; kind: string }> }>(subgraph, RELATIONSHIPS, { ...viewer, childIds }, null);
    expect(res.body.errors).toBeUndefined();
    expect(sorted(res.body.data?._rpeCareRelationships)).toEqual(expected);
  });
});

describe('timeline events', () => {
  const query = `query ($ids: [ID!]!, $from: Date, $to: Date, $cats: [String!]! = ["IDENTITY","PROTECTION_STATUS","PROTECTION_DETAILS","PLACEMENT_LOCATION","HEALTH_FOLLOW_UP","HEALTH_DETAILS","CHILDCARE","CONCERN","COURT_DECISION","COURT_DECISION_CONTENT","REPORTER_IDENTITY"]) { _rpeTimelineEvents(childIds: $ids, from: $from, to: $to, categories: $cats) { childId at kind summary category } }`;

  it.each([
    ['all of Sacha’s events, newest first', ['child-sacha'], null, null, [
      { childId: 'child-sacha', at: '2026-10-27T09:30:00.000Z', kind: 'CONCERN_RAISED', summary: 'Préoccupation transmise à la CRIP : négligence, gravité élevée', category: 'CONCERN' },
      { childId: 'child-sacha', at: '2024-09-02T00:00:00.000Z', kind: 'CHILDCARE_STARTED', summary: 'Accueil chez une assistante maternelle (RPE-75-11)', category: 'CHILDCARE' },
    ]],
    ['Noah’s within a range', ['child-noah', 'child-lea'], '2023-01-01', '2023-12-31', [
      { childId: 'child-noah', at: '2023-09-04T00:00:00.000Z', kind: 'CHILDCARE_STARTED', summary: 'Accueil chez une assistante maternelle (RPE-75-11)', category: 'CHILDCARE' },
    ]],
    ['nothing outside the range', ['child-sacha'], '2025-01-01', '2026-10-26', []],
  ])('%s', async (_label, ids, from, to, expected) => {
    const res = await call(subgraph, query, { ids, from, to }, null);
    expect(res.body).toEqual({ data: { _rpeTimelineEvents: expected } });
  });

  // As in `Child.concerns`: a relais's timeline shows its own reports, not another relais's.
  it.each([
    ['the reporting relais', amina, ['CONCERN_RAISED', 'CHILDCARE_STARTED']],
    ['another relais', otherRelais, ['CHILDCARE_STARTED']],
    ['the CRIP', karim, ['CONCERN_RAISED', 'CHILDCARE_STARTED']],
  ])('shows Sacha’s concern to %s only if it is theirs to see', async (_label, viewer, kinds) => {
    const res = await call<{ _rpeTimelineEvents: Array<{ kind: string }> }>(subgraph, query, { ids: ['child-sacha'], from: null, to: '2026-10-31' }, viewer);
    expect(res.body.data?._rpeTimelineEvents.map((event) => event.kind)).toEqual(kinds);
  });
});

describe('flagConcern', () => {
  // A relais reports only on children it cares for (or already reported on): both relais
  // of these tests care for the two children named below.
  beforeAll(async () => {
    await subgraph.dataSource.query(
      `INSERT INTO childcare_arrangement (id, child_id, childminder_id, start_date, schedule, idempotency_key)
         SELECT 'arr-' || c || '-' || m, c, m, DATE '2025-09-01', 'lun.–ven.', 'key-arr-' || c || '-' || m
           FROM unnest(ARRAY['child-flag-a', 'child-flag-b']) AS c, unnest(ARRAY['childminder-sophie', $1::text]) AS m`,
      [otherRelaisChildminderId],
    );
  });

  it('refuses a child the relais neither cares for nor reported on, as if unknown', async () => {
    const res = await call(subgraph, FLAG, { input: { ...valid, idempotencyKey: 'key-flag-unrelated', childIds: ['child-ines'] } }, amina);
    expect(firstError(res.body.errors)).toEqual({ code: 'NOT_FOUND', field: 'input.childIds' });
    const rows = await subgraph.dataSource.query(`SELECT count(*)::int AS count FROM concern WHERE idempotency_key = 'key-flag-unrelated'`);
    expect(rows).toEqual([{ count: 0 }]);
  });

  const FLAG = `mutation ($input: FlagConcernInput!) { flagConcern(input: $input) { ${CONCERN_FIELDS} } }`;
  // Calendar days: now ± 24 h can be today on the day summer time ends.
  const daysAgo = (days: number) => parisDay(-days);
  const valid = {
    idempotencyKey: 'key-flag-concurrent-1',
    childIds: ['child-flag-a', 'child-flag-b'],
    childminderId: 'childminder-sophie',
    category: 'SAFETY',
    severity: 'MEDIUM',
    observedAt: daysAgo(2),
    description: '  Portail du jardin laissé ouvert pendant la sieste (texte fictif).  ',
  };

  it('stores one concern for five concurrent identical calls, and returns it to each', async () => {
    const responses = await Promise.all(Array.from({ length: 5 }, () => call(subgraph, FLAG, { input: valid }, amina)));
    const first = responses[0].body.data?.flagConcern as { id: string; raisedAt: string };
    expect(responses.map((res) => res.body)).toEqual(Array.from({ length: 5 }, () => ({ data: { flagConcern: first } })));
    expect(first).toEqual({
      id: expect.stringMatching(/^concern-/),
      status: 'SUBMITTED',
      category: 'SAFETY',
      severity: 'MEDIUM',
      observedAt: valid.observedAt,
      raisedAt: expect.any(String),
      description: 'Portail du jardin laissé ouvert pendant la sieste (texte fictif).',
      feedbackDueBy: feedbackDueBy(new Date(first.raisedAt)),
      acknowledgedAt: null,
      evaluationStartedAt: null,
      closedAt: null,
      outcome: null,
      children: [{ id: 'child-flag-a' }, { id: 'child-flag-b' }],
      childminder: { id: 'childminder-sophie', name: 'Sophie Bernard' },
      raisedBy: seedConcern.raisedBy,
    });
    const rows = await subgraph.dataSource.query(`SELECT c.id, c.raised_by_id, c.raised_by_institution, cc.child_id FROM concern c JOIN concern_child cc ON cc.concern_id = c.id WHERE c.idempotency_key = $1 ORDER BY cc.child_id`, [valid.idempotencyKey]);
    expect(rows).toEqual(['child-flag-a', 'child-flag-b'].map((child_id) => ({ id: first.id, raised_by_id: 'agent-rpe-amina', raised_by_institution: 'RPE-75-11', child_id })));
  });

  it.each([
    ['other children', { childIds: ['child-flag-b'] }],
    ['another severity', { severity: 'URGENT' }],
  ])('refuses the same key from the same relais for a concern with %s as CONFLICT, storing nothing', async (_label, override) => {
    const before = await subgraph.dataSource.query(`SELECT count(*)::int AS count FROM concern`);
    const res = await call(subgraph, FLAG, { input: { ...valid, ...override } }, amina);
    expect(res.body.data ?? null).toBeNull();
    expect(firstError(res.body.errors)).toEqual({ code: 'CONFLICT', field: undefined });
    expect(await subgraph.dataSource.query(`SELECT count(*)::int AS count FROM concern`)).toEqual(before);
  });

  it('answers a new concern’s children without reading them back, in the order a retry reads them', async () => {
    const input = { ...valid, idempotencyKey: 'key-flag-children-order', childIds: ['child-flag-b', 'child-flag-a'] };
    const { result: created, sent } = await sqlSentDuring(() => call<{ flagConcern: { children: unknown } }>(subgraph, FLAG, { input }, amina));
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data?.flagConcern.children).toEqual([{ id: 'child-flag-a' }, { id: 'child-flag-b' }]);
    expect(sent.filter(({ sql }) => /^\s*SELECT[\s\S]*\bFROM "concern_child"/i.test(sql))).toEqual([]);
    const retried = await call<{ flagConcern: { children: unknown } }>(subgraph, FLAG, { input }, amina);
    expect(retried.body).toEqual(created.body);
  });

  it('does not hand another relais’s concern to a caller reusing its key', async () => {
    const res = await call(subgraph, FLAG, { input: { ...valid, childminderId: null } }, otherRelais);
    expect(firstError(res.body.errors)).toEqual({ code: 'CONFLICT', field: undefined });
    expect(res.body.data).toBeNull();
  });

  it.each([
    ['a short idempotency key', { idempotencyKey: 'short' }, 'input.idempotencyKey'],
    ['an idempotency key with spaces', { idempotencyKey: 'key with spaces' }, 'input.idempotencyKey'],
    ['no child', { childIds: [] }, 'input.childIds'],
    ['21 children', { childIds: Array.from({ length: 21 }, (_, i) => `child-${i}`) }, 'input.childIds'],
    ['the same child twice', { childIds: ['child-lea', 'child-lea'] }, 'input.childIds'],
    ['a malformed child id', { childIds: ['child lea'] }, 'input.childIds'],
    ['a child id of 65 characters', { childIds: ['c'.repeat(65)] }, 'input.childIds'],
    ['an unknown childminder', { childminderId: 'childminder-unknown' }, 'input.childminderId'],
    ['a childminder of another relais', { childminderId: 'OTHER' }, 'input.childminderId'],
    // Tomorrow as of the test's run, clear of midnight (below): computed when the file is
    // loaded, it would be today in a run crossing midnight in Paris, and accepted.
    ['an observation tomorrow', { observedAt: 'TOMORROW' }, 'input.observedAt'],
    ['an observation two years ago', { observedAt: daysAgo(730) }, 'input.observedAt'],
    ['a blank description', { description: '   ' }, 'input.description'],
    ['a description of 5001 characters', { description: 'x'.repeat(5001) }, 'input.description'],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (label, override, field) => {
    const before = await Promise.all([countRows(subgraph, 'concern'), countRows(subgraph, 'concern_child')]);
    const input = { ...valid, idempotencyKey: `key-invalid-${label.replace(/\W+/g, '-')}`, ...override };
    if (input.childminderId === 'OTHER') input.childminderId = otherRelaisChildminderId;
    if (input.observedAt === 'TOMORROW') {
      await clearOfParisMidnight();
      input.observedAt = daysAgo(-1);
    }
    const res = await call(subgraph, FLAG, { input }, amina);
    expect(firstError(res.body.errors)).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(await Promise.all([countRows(subgraph, 'concern'), countRows(subgraph, 'concern_child')])).toEqual(before);
  });

  it.each([
    ['a CRIP evaluator', karim],
    ['a judge', helene],
    ['the hub without an agent', null],
  ])('is FORBIDDEN to %s', async (_label, viewer) => {
    const res = await call(subgraph, FLAG, { input: { ...valid, idempotencyKey: 'key-forbidden-flag' } }, viewer);
    expect(firstError(res.body.errors)).toEqual({ code: 'FORBIDDEN', field: undefined });
    expect(await subgraph.dataSource.query(`SELECT id FROM concern WHERE idempotency_key = 'key-forbidden-flag'`)).toEqual([]);
  });
});

describe('SQL statements', () => {
  it('stays constant for 200 children selecting every Child field', async () => {
    const ids = ['child-lea', 'child-noah', 'child-sacha', 'child-flag-a', ...Array.from({ length: 196 }, (_, i) => `child-bulk-${i}`)];
    subgraph.sql.reset();
    const res = await call<{ _entities: unknown[] }>(subgraph, ENTITIES, { reps: reps(...ids) }, null);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?._entities).toHaveLength(200);
    // arrangements by child (1) + concerns by child, joined (1) + childminders (≤ 2: one batch
    // per nesting level, the second usually a cache hit) + children of concerns (1) + reporters (1).
    expect(subgraph.sql.total).toBeLessThanOrEqual(6);
  });
});

describe('hub signature', () => {
  it('refuses unsigned requests, _service and _entities included', async () => {
    for (const query of ['{ _service { sdl } }', '{ _entities(representations: [{__typename: "Child", id: "child-sacha"}]) { __typename } }', '{ concernsInbox { id } }']) {
      const res = await unsignedPost(subgraph.url, query);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ errors: [{ message: 'Subgraphs answer the hub only', extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  });
});

/** Rows read from `concern` and `concern_child` when PostgreSQL runs the statement the field sent. */
async function concernRowsRead(viewer: typeof amina, childIds: string[], expected: Array<{ childId: string; kind: string }>): Promise<number> {
  const { result: res, sent } = await sqlSentDuring(() => call<{ _rpeCareRelationships: Array<{ childId: string; kind: string }> }>(subgraph, RELATIONSHIPS, { ...viewer, childIds }, null));
  expect(res.body.errors).toBeUndefined();
  expect(sorted(res.body.data?._rpeCareRelationships)).toEqual(expected);
  const statement = sent.find(({ sql }) => sql.includes('concern_child'));
  if (!statement) throw new Error('the relationship statement was not sent');
  const [{ 'QUERY PLAN': [plan] }] = await subgraph.dataSource.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.sql}`, statement.parameters);
  let rows = 0;
  const visit = (node: Record<string, unknown>) => {
    if (node['Relation Name'] === 'concern' || node['Relation Name'] === 'concern_child') rows += Number(node['Actual Rows']) * Number(node['Actual Loops']);
    for (const child of (node.Plans as Array<Record<string, unknown>> | undefined) ?? []) visit(child);
  };
  visit(plan.Plan);
  return rows;
}

describe('care relationships of a child reported on many times', () => {
  const PILE = 3_000;
  const child = 'child-pile';

  beforeAll(async () => {
    await subgraph.dataSource.query(
      `INSERT INTO concern (id, idempotency_key, status, category, severity, observed_at, raised_at, raised_by_id, raised_by_institution, departement, description, feedback_due_by)
       SELECT 'concern-pile-' || n, 'key-pile-' || n, 'SUBMITTED', 'HYGIENE', 'LOW', '2026-10-01', now(), 'agent-rpe-amina', 'RPE-75-11', '75', 'Observation fictive.', '2027-01-01'
         FROM generate_series(1, ${PILE}) n`,
    );
    await subgraph.dataSource.query(`INSERT INTO concern_child (concern_id, child_id) SELECT 'concern-pile-' || n, $1 FROM generate_series(1, ${PILE}) n`, [child]);
    await subgraph.dataSource.query('ANALYZE concern; ANALYZE concern_child');
  });
  afterAll(async () => {
    await subgraph.dataSource.query(`DELETE FROM concern_child WHERE concern_id LIKE 'concern-pile-%'`);
    await subgraph.dataSource.query(`DELETE FROM concern WHERE id LIKE 'concern-pile-%'`);
  });

  it("reads the child's concerns only until one from the asking relais", async () => {
    expect(await concernRowsRead(amina, [child], [{ childId: child, kind: 'REPORTING_RELAIS' }])).toBeLessThan(10);
  });

  it("reads them only until one from the CRIP's département", async () => {
    expect(await concernRowsRead(karim, [child], [{ childId: child, kind: 'CRIP_RECEIVED_CONCERN' }])).toBeLessThan(10);
  });
});

describe('care relationships when one child is named in most concerns', () => {
  // Statistics skewed as the benchmark skews them (its flag_concern names one child each time):
  // one child named in thousands of another département's concerns, so that few distinct
  // children are seen, and 400 concerns of this relais and département on ten children.
  const SPREAD = 400;
  const SKEW = 6_000;
  const spread = Array.from({ length: 10 }, (_, n) => `child-spread-${n + 1}`);

  beforeAll(async () => {
    const concerns = (prefix: string, count: number, institution: string, departement: string) =>
      subgraph.dataSource.query(
        `INSERT INTO concern (id, idempotency_key, status, category, severity, observed_at, raised_at, raised_by_id, raised_by_institution, departement, description, feedback_due_by)
         SELECT 'concern-${prefix}-' || n, 'key-${prefix}-' || n, 'SUBMITTED', 'HYGIENE', 'LOW', '2026-10-01', now(), 'agent-rpe-fictif', $1, $2, 'Observation fictive.', '2027-01-01'
           FROM generate_series(1, ${count}) n`,
        [institution, departement],
      );
    await concerns('spread', SPREAD, 'RPE-75-11', '75');
    await concerns('skew', SKEW, 'RPE-92-01', '92');
    await subgraph.dataSource.query(`INSERT INTO concern_child (concern_id, child_id) SELECT 'concern-spread-' || n, 'child-spread-' || (n % 10 + 1) FROM generate_series(1, ${SPREAD}) n`);
    await subgraph.dataSource.query(`INSERT INTO concern_child (concern_id, child_id) SELECT 'concern-skew-' || n, 'child-skew' FROM generate_series(1, ${SKEW}) n`);
    await subgraph.dataSource.query('ANALYZE concern; ANALYZE concern_child');
  });
  afterAll(async () => {
    await subgraph.dataSource.query(`DELETE FROM concern_child WHERE concern_id LIKE 'concern-spread-%' OR concern_id LIKE 'concern-skew-%'`);
    await subgraph.dataSource.query(`DELETE FROM concern WHERE id LIKE 'concern-spread-%' OR id LIKE 'concern-skew-%'`);
    await subgraph.dataSource.query('ANALYZE concern; ANALYZE concern_child');
  });

  it("checks each of the CRIP's children from the child's own links, not from every concern of the département", async () => {
    const expected = sorted(spread.map((childId) => ({ childId, kind: 'CRIP_RECEIVED_CONCERN' })));
    // Each child: its first link and that link's concern. From the département's side (the plan
    // PostgreSQL chose for the join under these statistics), about 75 rows for the ten.
    expect(await concernRowsRead(karim, spread, expected)).toBeLessThanOrEqual(2 * spread.length);
  });

  it("checks each of the relais' children from the child's own links, not from every concern the relais raised", async () => {
    const expected = sorted(spread.map((childId) => ({ childId, kind: 'REPORTING_RELAIS' })));
    expect(await concernRowsRead(amina, spread, expected)).toBeLessThanOrEqual(2 * spread.length);
  });
});
