import { Role } from '../../../common/src/domain';
import { signedPost, unsignedPost } from '../../../test/support/subgraph-client';
import { startTestSubgraph, TEST_HUB_SECRET, type TestSubgraph } from '../../../test/support/start-test-subgraph';
import { justiceSubgraph } from '../src/service';

const judge = { agentId: 'agent-tj-helene', role: Role.JUDGE, institution: 'TJ-PARIS' };
let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(justiceSubgraph);
  await justiceSubgraph.seedDemo(subgraph.dataSource);
});
afterAll(() => subgraph.stop());

const DECISIONS = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Child { id courtDecisions { id kind court decidedAt effectiveUntil measureOrdered content } } } }`;

describe('justice subgraph', () => {
  it('resolves court decisions of children by reference, newest first', async () => {
    const res = await signedPost<{ _entities: Array<{ id: string; courtDecisions: Array<{ id: string }> }> }>(subgraph, TEST_HUB_SECRET, DECISIONS, {
      reps: [{ __typename: 'Child', id: 'child-ines' }, { __typename: 'Child', id: 'child-noah' }],
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?._entities.map((child) => child.courtDecisions.map((d) => d.id))).toEqual([
      ['decision-ines-renewal', 'decision-ines-placement', 'decision-ines-opp'],
      [],
    ]);
  });

  it('is idempotent under seeding twice', async () => {
    await justiceSubgraph.seedDemo(subgraph.dataSource);
    const [{ count }] = await subgraph.dataSource.query('SELECT count(*)::int AS count FROM court_decision');
    expect(count).toBe(4);
  });

  it('answers care relationships for a judge of the court holding the case, and nobody else', async () => {
    const query = `query ($agentId: ID!, $role: String!, $institution: String!, $childIds: [ID!]) {
      _justiceCareRelationships(agentId: $agentId, role: $role, institution: $institution, childIds: $childIds) { childId kind } }`;
    const all = await signedPost<{ _justiceCareRelationships: Array<{ childId: string }> }>(subgraph, TEST_HUB_SECRET, query, { ...judge, childIds: null });
    expect(all.body.data?._justiceCareRelationships.map((r) => r.childId).sort()).toEqual(['child-ines', 'child-lea']);
    const otherCourt = await signedPost<{ _justiceCareRelationships: unknown[] }>(subgraph, TEST_HUB_SECRET, query, { ...judge, institution: 'TJ-LYON', childIds: null });
    expect(otherCourt.body.data?._justiceCareRelationships).toEqual([]);
    const nurse = await signedPost<{ _justiceCareRelationships: unknown[] }>(subgraph, TEST_HUB_SECRET, query, { agentId: 'agent-pmi-claire', role: 'PMI_NURSE', institution: 'PMI-75', childIds: ['child-lea'] });
    expect(nurse.body.data?._justiceCareRelationships).toEqual([]);
  });

  it('records a decision once per idempotency key, opening the case', async () => {
    const mutation = `mutation ($input: RecordDecisionInput!) { recordCourtDecision(input: $input) { id kind court decidedAt } }`;
    const input = { idempotencyKey: 'key-sacha-opp-1', childId: 'child-sacha', kind: 'OPP', measureOrdered: 'PLACEMENT', decidedAt: '2026-11-20', content: 'OPP (fictif)' };
    const [first, second] = await Promise.all([
      signedPost(subgraph, TEST_HUB_SECRET, mutation, { input }, judge),
      signedPost(subgraph, TEST_HUB_SECRET, mutation, { input }, judge),
    ]);
    expect(first.body.errors).toBeUndefined();
    expect(second.body.data).toEqual(first.body.data);
    const [{ count }] = await subgraph.dataSource.query(`SELECT count(*)::int AS count FROM court_decision WHERE child_id = 'child-sacha'`);
    expect(count).toBe(1);
  });

  it('opens one case for first decisions arriving together under different keys', async () => {
    const mutation = `mutation ($input: RecordDecisionInput!) { recordCourtDecision(input: $input) { id } }`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, n) =>
        signedPost(subgraph, TEST_HUB_SECRET, mutation, { input: { idempotencyKey: `key-first-${n}`, childId: 'child-case-race', kind: 'OPP', measureOrdered: 'PLACEMENT', decidedAt: '2026-11-20', content: `OPP ${n} (fictif)` } }, judge),
      ),
    );
    expect(answers.map((answer) => answer.body.errors)).toEqual(Array(6).fill(undefined));
    const rows: Array<{ cases: number; decisions: number }> = await subgraph.dataSource.query(
      `SELECT (SELECT count(*)::int FROM court_case WHERE child_id = 'child-case-race') AS cases, (SELECT count(*)::int FROM court_decision WHERE child_id = 'child-case-race') AS decisions`,
    );
    expect(rows).toEqual([{ cases: 1, decisions: 6 }]);
  });

  it('refuses a decision dated in the future, writing nothing', async () => {
    const mutation = `mutation ($input: RecordDecisionInput!) { recordCourtDecision(input: $input) { id } }`;
    const input = { idempotencyKey: 'key-future-1', childId: 'child-sacha', kind: 'OPP', measureOrdered: 'PLACEMENT', decidedAt: '2099-01-01', content: 'OPP (fictif)' };
    const [{ count: before }] = await subgraph.dataSource.query(`SELECT count(*)::int AS count FROM court_decision`);
    const res = await signedPost(subgraph, TEST_HUB_SECRET, mutation, { input }, judge);
    expect(res.body.errors?.map((error) => error.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.decidedAt' }]);
    const [{ count: after }] = await subgraph.dataSource.query(`SELECT count(*)::int AS count FROM court_decision`);
    expect(after).toBe(before);
  });

  describe('a judge of another court', () => {
    const lyon = { ...judge, agentId: 'agent-tj-lyon', institution: 'TJ-LYON' };
    const record = (override: Record<string, unknown>) =>
      signedPost(subgraph, TEST_HUB_SECRET, `mutation ($input: RecordDecisionInput!) { recordCourtDecision(input: $input) { id court } }`, {
        input: { idempotencyKey: `key-lyon-${JSON.stringify(override).length}`, childId: 'child-lea', kind: 'RENEWAL', measureOrdered: 'AEMO', decidedAt: '2026-11-20', content: 'x (fictif)', ...override },
      }, lyon);
    const countLea = async () => (await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM court_decision WHERE child_id = 'child-lea'`))[0].n;

    it.each([
      ['in a case of TJ-PARIS, answered as an unknown case', { caseId: 'case-lea' }, 'input.caseId'],
      ['in an unknown case', { caseId: 'case-nobody' }, 'input.caseId'],
      ['in the name of TJ-PARIS', { court: 'TJ-PARIS' }, 'input.court'],
    ])('records nothing %s', async (_label, override, field) => {
      const before = await countLea();
      const res = await record(override);
      expect(res.body.data ?? null).toBeNull();
      expect(res.body.errors?.map((error) => error.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field }]);
      expect(await countLea()).toBe(before);
    });

    it('and TJ-PARIS sending the same new key at the same moment: one is recorded, the other is a CONFLICT', async () => {
      const mutation = `mutation ($input: RecordDecisionInput!) { recordCourtDecision(input: $input) { id court content } }`;
      for (let round = 0; round < 6; round += 1) {
        const input = (content: string) => ({ idempotencyKey: `key-race-${round}`, childId: 'child-court-race', kind: 'OPP', measureOrdered: 'PLACEMENT', decidedAt: '2026-11-20', content });
        const answers = await Promise.all([
          signedPost<{ recordCourtDecision: { court: string; content: string } }>(subgraph, TEST_HUB_SECRET, mutation, { input: input('Paris (fictif)') }, judge),
          signedPost<{ recordCourtDecision: { court: string; content: string } }>(subgraph, TEST_HUB_SECRET, mutation, { input: input('Lyon (fictif)') }, lyon),
        ]);
        // Each court gets its own decision or a CONFLICT, never the other's.
        const [paris, lyonAnswer] = answers.map((answer) => answer.body);
        expect([paris.data?.recordCourtDecision ?? paris.errors?.[0]?.extensions?.code, lyonAnswer.data?.recordCourtDecision ?? lyonAnswer.errors?.[0]?.extensions?.code]).toEqual(
          paris.data ? [{ id: expect.any(String), court: 'TJ-PARIS', content: 'Paris (fictif)' }, 'CONFLICT'] : ['CONFLICT', { id: expect.any(String), court: 'TJ-LYON', content: 'Lyon (fictif)' }],
        );
      }
    });

    it('gets CONFLICT for a key TJ-PARIS used, not its decision', async () => {
      const res = await record({ idempotencyKey: 'seed-decision-lea-aemo' });
      expect(res.body.errors?.map((error) => error.extensions)).toEqual([{ code: 'CONFLICT' }]);
    });
  });

  it('refuses a key already used for another child’s decision as CONFLICT, handing nothing over', async () => {
    const input = { idempotencyKey: 'key-sacha-opp-1', childId: 'child-noah', kind: 'OPP', measureOrdered: 'PLACEMENT', decidedAt: '2026-11-20', content: 'OPP (fictif)' };
    const res = await signedPost(subgraph, TEST_HUB_SECRET, `mutation ($input: RecordDecisionInput!) { recordCourtDecision(input: $input) { id childId content } }`, { input }, judge);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.map((error) => error.extensions)).toEqual([{ code: 'CONFLICT' }]);
    const [{ count }] = await subgraph.dataSource.query(`SELECT count(*)::int AS count FROM court_decision WHERE child_id = 'child-noah'`);
    expect(count).toBe(0);
  });

  it.each([
    ['an end before the start', { decidedAt: '2026-11-20', effectiveUntil: '2026-11-01' }, 'input.effectiveUntil'],
    // Rejected while coercing variables, before any resolver: the scalar's own error.
    ['a day that does not exist', { decidedAt: '2026-02-30' }, undefined],
    ['an empty content', { content: '' }, 'input.content'],
    ['a short idempotency key', { idempotencyKey: 'x' }, 'input.idempotencyKey'],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_label, override, field) => {
    const before = await subgraph.dataSource.query('SELECT count(*)::int AS count FROM court_decision');
    const input = { idempotencyKey: `key-bad-${_label.length}`, childId: 'child-noah', kind: 'OPP', measureOrdered: 'PLACEMENT', decidedAt: '2026-11-20', content: 'x', ...override };
    const res = await signedPost(subgraph, TEST_HUB_SECRET, `mutation ($input: RecordDecisionInput!) { recordCourtDecision(input: $input) { id } }`, { input }, judge);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(res.body.errors?.[0]?.extensions?.field).toBe(field);
    const after = await subgraph.dataSource.query('SELECT count(*)::int AS count FROM court_decision');
    expect(after).toEqual(before);
  });

  it('gives its dated events for the timeline within a range, newest first', async () => {
    const query = `query ($ids: [ID!]!, $from: Date, $to: Date, $cats: [String!]! = ["IDENTITY","PROTECTION_STATUS","PROTECTION_DETAILS","PLACEMENT_LOCATION","HEALTH_FOLLOW_UP","HEALTH_DETAILS","CHILDCARE","CONCERN","COURT_DECISION","COURT_DECISION_CONTENT","REPORTER_IDENTITY"]) { _justiceTimelineEvents(childIds: $ids, from: $from, to: $to, categories: $cats) { childId at kind category } }`;
    const res = await signedPost<{ _justiceTimelineEvents: unknown[] }>(subgraph, TEST_HUB_SECRET, query, { ids: ['child-ines'], from: '2024-02-10', to: '2026-12-31' });
    expect(res.body.data?._justiceTimelineEvents).toEqual([
      { childId: 'child-ines', at: '2026-02-12T00:00:00.000Z', kind: 'COURT_RENEWAL', category: 'COURT_DECISION' },
      { childId: 'child-ines', at: '2024-02-19T00:00:00.000Z', kind: 'COURT_PLACEMENT_JUDGMENT', category: 'COURT_DECISION' },
    ]);
  });

  it('sends only events of the categories the hub asks for', async () => {
    const query = `query ($ids: [ID!]!, $cats: [String!]!) { _justiceTimelineEvents(childIds: $ids, categories: $cats) { kind } }`;
    const none = await signedPost<{ _justiceTimelineEvents: unknown[] }>(subgraph, TEST_HUB_SECRET, query, { ids: ['child-ines'], cats: ['CHILDCARE', 'HEALTH_DETAILS'] });
    expect(none.body.data?._justiceTimelineEvents).toEqual([]);
    const some = await signedPost<{ _justiceTimelineEvents: unknown[] }>(subgraph, TEST_HUB_SECRET, query, { ids: ['child-ines'], cats: ['COURT_DECISION'] });
    expect(some.body.data?._justiceTimelineEvents).toHaveLength(3);
  });

  it('counts a constant number of SQL statements for 200 children', async () => {
    const reps = Array.from({ length: 200 }, (_, i) => ({ __typename: 'Child', id: `child-bulk-${i}` }));
    subgraph.sql.reset();
    const res = await signedPost(subgraph, TEST_HUB_SECRET, DECISIONS, { reps });
    expect(res.body.errors).toBeUndefined();
    expect(subgraph.sql.total).toBeLessThanOrEqual(1);
  });

  it('refuses unsigned requests, _service and _entities included', async () => {
    for (const query of ['{ _service { sdl } }', '{ _entities(representations: [{__typename: "Child", id: "child-lea"}]) { __typename } }']) {
      const res = await unsignedPost(subgraph.url, query);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ errors: [{ message: 'Subgraphs answer the hub only', extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  });
});
