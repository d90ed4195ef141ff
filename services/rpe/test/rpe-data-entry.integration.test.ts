import { parisDay } from '../../../test/support/paris-day';
import { startTestSubgraph, type TestSubgraph } from '../../../test/support/start-test-subgraph';
import { rpeSubgraph } from '../src/service';
import { amina, call, countRows, firstError, karim, otherRelais } from './rpe-fixtures';

let subgraph: TestSubgraph;
// Calendar days: now − 24 h is still today late on the day summer time ends (an agrément
// valid until today has not expired).
const daysFromToday = (days: number) => parisDay(days);

beforeAll(async () => {
  subgraph = await startTestSubgraph(rpeSubgraph);
  await rpeSubgraph.seedDemo(subgraph.dataSource);
});
afterAll(() => subgraph.stop());

const REGISTER_CHILDMINDER = `mutation ($input: RegisterChildminderInput!) { registerChildminder(input: $input) { id name agrementNumber capacity relais } }`;
const REGISTER_ARRANGEMENT = `mutation ($input: RegisterChildcareArrangementInput!) {
  registerChildcareArrangement(input: $input) { id startDate endDate schedule childminder { id relais } } }`;
const END_ARRANGEMENT = `mutation ($input: EndChildcareArrangementInput!) { endChildcareArrangement(input: $input) { id startDate endDate } }`;

describe('registerChildminder', () => {
  const valid = { idempotencyKey: 'key-cm-camille', name: ' Camille Fictive ', agrementNumber: 'AGR-75-2024-0099', capacity: 3, agrementValidUntil: '2030-06-30' };

  it('registers once in the coordinator’s relais under concurrent retries', async () => {
    const [first, second] = await Promise.all([call(subgraph, REGISTER_CHILDMINDER, { input: valid }, amina), call(subgraph, REGISTER_CHILDMINDER, { input: valid }, amina)]);
    expect(first.body).toEqual({
      data: { registerChildminder: { id: expect.stringMatching(/^childminder-/), name: 'Camille Fictive', agrementNumber: 'AGR-75-2024-0099', capacity: 3, relais: 'RPE-75-11' } },
    });
    expect(second.body).toEqual(first.body);
    expect(await subgraph.dataSource.query(`SELECT count(*)::int AS count FROM childminder WHERE idempotency_key = $1`, [valid.idempotencyKey])).toEqual([{ count: 1 }]);
  });

  it('refuses the same key for another childminder of the relais as CONFLICT, registering nothing', async () => {
    const res = await call(subgraph, REGISTER_CHILDMINDER, { input: { ...valid, name: 'Odile Fictive', agrementNumber: 'AGR-75-2024-0199' } }, amina);
    expect(res.body.errors?.map((error) => error.extensions)).toEqual([{ code: 'CONFLICT' }]);
    expect(await subgraph.dataSource.query(`SELECT count(*)::int AS count FROM childminder WHERE agrement_number = 'AGR-75-2024-0199'`)).toEqual([{ count: 0 }]);
  });

  it.each([
    ['an agrément number already registered', { agrementNumber: 'AGR-75-2019-0412' }, 'BAD_USER_INPUT', 'input.agrementNumber'],
    ['a malformed agrément number', { agrementNumber: 'AGR 75' }, 'BAD_USER_INPUT', 'input.agrementNumber'],
    ['a capacity of 7', { capacity: 7 }, 'BAD_USER_INPUT', 'input.capacity'],
    ['a capacity of 0', { capacity: 0 }, 'BAD_USER_INPUT', 'input.capacity'],
    ['a blank name', { name: '  ' }, 'BAD_USER_INPUT', 'input.name'],
    ['an expired agrément', { agrementValidUntil: daysFromToday(-1) }, 'BAD_USER_INPUT', 'input.agrementValidUntil'],
    ['a short idempotency key', { idempotencyKey: 'k' }, 'BAD_USER_INPUT', 'input.idempotencyKey'],
  ])('refuses %s, writing nothing', async (label, override, code, field) => {
    const before = await countRows(subgraph, 'childminder');
    const input = { ...valid, idempotencyKey: `key-cm-bad-${label.replace(/\W+/g, '-')}`, agrementNumber: 'AGR-75-2024-0100', ...override };
    const res = await call(subgraph, REGISTER_CHILDMINDER, { input }, amina);
    expect(firstError(res.body.errors)).toEqual({ code, field });
    expect(await countRows(subgraph, 'childminder')).toEqual(before);
  });

  it('is FORBIDDEN to a CRIP evaluator', async () => {
    const res = await call(subgraph, REGISTER_CHILDMINDER, { input: { ...valid, idempotencyKey: 'key-cm-forbidden' } }, karim);
    expect(firstError(res.body.errors)).toEqual({ code: 'FORBIDDEN', field: undefined });
  });
});

describe('childcare arrangements', () => {
  const valid = { idempotencyKey: 'key-arr-ines', childId: 'child-ines', childminderId: 'childminder-sophie', startDate: '2026-09-01', schedule: 'lun., mar. 9h–16h' };
  const relationships = async (childIds: string[]) => {
    const res = await call<{ _rpeCareRelationships: unknown[] }>(
      subgraph,
      `query ($childIds: [ID!]) { _rpeCareRelationships(agentId: "agent-rpe-amina", role: "RPE_COORDINATOR", institution: "RPE-75-11", childIds: $childIds) { childId kind } }`,
      { childIds },
      null,
    );
    return res.body.data?._rpeCareRelationships;
  };
  const timeline = async (childId: string) => {
    const res = await call<{ _rpeTimelineEvents: unknown[] }>(subgraph, `query ($ids: [ID!]!, $cats: [String!]! = ["IDENTITY","PROTECTION_STATUS","PROTECTION_DETAILS","PLACEMENT_LOCATION","HEALTH_FOLLOW_UP","HEALTH_DETAILS","CHILDCARE","CONCERN","COURT_DECISION","COURT_DECISION_CONTENT","REPORTER_IDENTITY"]) { _rpeTimelineEvents(childIds: $ids, categories: $cats) { at kind summary } }`, { ids: [childId] }, null);
    return res.body.data?._rpeTimelineEvents;
  };

  it('registers once under concurrent retries, relating the relais to the child', async () => {
    const [first, second] = await Promise.all([call(subgraph, REGISTER_ARRANGEMENT, { input: valid }, amina), call(subgraph, REGISTER_ARRANGEMENT, { input: valid }, amina)]);
    expect(first.body).toEqual({
      data: { registerChildcareArrangement: { id: expect.stringMatching(/^arrangement-/), startDate: '2026-09-01', endDate: null, schedule: 'lun., mar. 9h–16h', childminder: { id: 'childminder-sophie', relais: 'RPE-75-11' } } },
    });
    expect(second.body).toEqual(first.body);
    expect(await relationships(['child-ines'])).toEqual([{ childId: 'child-ines', kind: 'RELAIS_OF_CHILDMINDER' }]);
  });

  it('refuses the same key for another child’s arrangement as CONFLICT, registering nothing', async () => {
    const res = await call(subgraph, REGISTER_ARRANGEMENT, { input: { ...valid, childId: 'child-other-arrangement', schedule: 'mer. 14h–18h' } }, amina);
    expect(res.body.errors?.map((error) => error.extensions)).toEqual([{ code: 'CONFLICT' }]);
    expect(await subgraph.dataSource.query(`SELECT count(*)::int AS count FROM childcare_arrangement WHERE child_id = 'child-other-arrangement'`)).toEqual([{ count: 0 }]);
  });

  it('ends an arrangement: same day again is a no-op, another day a CONFLICT; the relationship ends and the timeline shows it', async () => {
    const created = await call<{ registerChildcareArrangement: { id: string } }>(
      subgraph,
      REGISTER_ARRANGEMENT,
      { input: { ...valid, idempotencyKey: 'key-arr-ended', childId: 'child-ended', startDate: '2025-01-06' } },
      amina,
    );
    const arrangementId = created.body.data?.registerChildcareArrangement.id;
    const ended = { data: { endChildcareArrangement: { id: arrangementId, startDate: '2025-01-06', endDate: '2025-07-04' } } };
    expect((await call(subgraph, END_ARRANGEMENT, { input: { arrangementId, endDate: '2025-07-04' } }, amina)).body).toEqual(ended);
    expect((await call(subgraph, END_ARRANGEMENT, { input: { arrangementId, endDate: '2025-07-04' } }, amina)).body).toEqual(ended);
    const again = await call(subgraph, END_ARRANGEMENT, { input: { arrangementId, endDate: '2025-07-05' } }, amina);
    expect(firstError(again.body.errors)).toEqual({ code: 'CONFLICT', field: undefined });
    expect(await relationships(['child-ended'])).toEqual([]);
    expect(await timeline('child-ended')).toEqual([
      { at: '2025-07-04T00:00:00.000Z', kind: 'CHILDCARE_ENDED', summary: 'Fin d’accueil chez une assistante maternelle (RPE-75-11)' },
      { at: '2025-01-06T00:00:00.000Z', kind: 'CHILDCARE_STARTED', summary: 'Accueil chez une assistante maternelle (RPE-75-11)' },
    ]);
  });

  it('keeps a planned end out of the timeline until it comes', async () => {
    const input = { ...valid, idempotencyKey: 'key-arr-planned', childId: 'child-planned', startDate: '2026-01-05', endDate: daysFromToday(30) };
    expect((await call(subgraph, REGISTER_ARRANGEMENT, { input }, amina)).body.errors).toBeUndefined();
    expect(await timeline('child-planned')).toEqual([{ at: '2026-01-05T00:00:00.000Z', kind: 'CHILDCARE_STARTED', summary: 'Accueil chez une assistante maternelle (RPE-75-11)' }]);
    expect(await relationships(['child-planned'])).toEqual([{ childId: 'child-planned', kind: 'RELAIS_OF_CHILDMINDER' }]);
  });

  it.each([
    ['a childminder of another relais', { childminderId: 'childminder-sophie' }, otherRelais, 'input.childminderId'],
    ['an unknown childminder', { childminderId: 'childminder-unknown' }, amina, 'input.childminderId'],
    ['an end before the start', { endDate: '2026-08-31' }, amina, 'input.endDate'],
    ['a blank schedule', { schedule: ' ' }, amina, 'input.schedule'],
    ['a malformed child id', { childId: 'child ines' }, amina, 'input.childId'],
  ])('refuses %s, writing nothing', async (label, override, viewer, field) => {
    const before = await countRows(subgraph, 'childcare_arrangement');
    const input = { ...valid, idempotencyKey: `key-arr-bad-${label.replace(/\W+/g, '-')}`, ...override };
    const res = await call(subgraph, REGISTER_ARRANGEMENT, { input }, viewer);
    expect(firstError(res.body.errors)).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(await countRows(subgraph, 'childcare_arrangement')).toEqual(before);
  });

  it.each([
    ['an arrangement of another relais', { arrangementId: 'arrangement-lea', endDate: '2026-12-31' }, otherRelais, { code: 'NOT_FOUND', field: 'input.arrangementId' }],
    ['an unknown arrangement', { arrangementId: 'arrangement-unknown', endDate: '2026-12-31' }, amina, { code: 'NOT_FOUND', field: 'input.arrangementId' }],
    ['an end before the start', { arrangementId: 'arrangement-lea', endDate: '2024-09-01' }, amina, { code: 'BAD_USER_INPUT', field: 'input.endDate' }],
    ['a CRIP evaluator', { arrangementId: 'arrangement-lea', endDate: '2026-12-31' }, karim, { code: 'FORBIDDEN', field: undefined }],
  ])('refuses to end %s', async (_label, input, viewer, expected) => {
    const res = await call(subgraph, END_ARRANGEMENT, { input }, viewer);
    expect(firstError(res.body.errors)).toEqual(expected);
    expect(await subgraph.dataSource.query(`SELECT end_date FROM childcare_arrangement WHERE id = 'arrangement-lea'`)).toEqual([{ end_date: null }]);
  });
});
