import { Role } from '../../../common/src/domain';
import { startTestSubgraph, type TestSubgraph } from '../../../test/support/start-test-subgraph';
import { pmiSubgraph } from '../src/service';
import { claire, clientOf, countRows, dayAfterTomorrow, doctor, hugo, RELATIONSHIPS } from './pmi-client';

let subgraph: TestSubgraph;
let post: ReturnType<typeof clientOf>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(pmiSubgraph);
  post = clientOf(subgraph);
  await pmiSubgraph.seedDemo(subgraph.dataSource);
  await subgraph.dataSource.query(`INSERT INTO pmi_agent VALUES ('agent-pmi-doctor', 'Docteur fictif', 'PMI_DOCTOR', 'PMI-75', NULL, NULL)`);
});
afterAll(() => subgraph.stop());

type Errors = Array<{ extensions?: Record<string, unknown> }> | undefined;
const codeAndField = (errors: Errors) => ({ code: errors?.[0]?.extensions?.code, field: errors?.[0]?.extensions?.field });

const START = `mutation ($input: StartFollowUpInput!) { startFollowUp(input: $input) { id institution since status closedOn nurse { name } visitCount } }`;
const CLOSE = `mutation ($input: CloseFollowUpInput!) { closeFollowUp(input: $input) { id status closedOn } }`;
const VISIT = `mutation ($input: RecordHomeVisitInput!) { recordHomeVisit(input: $input) { id visitedOn notes nurse { name } } }`;
const CHECK = `mutation ($input: RecordHealthCheckInput!) { recordHealthCheck(input: $input) { id kind checkedOn findings examinerName } }`;
const VACCINATION = `mutation ($input: UpdateVaccinationStatusInput!) { updateVaccinationStatus(input: $input) { status details updatedOn } }`;

describe('startFollowUp', () => {
  const input = { idempotencyKey: 'start-sacha-0001', childId: 'child-sacha', nurseId: 'agent-pmi-hugo', since: '2026-03-02' };

  it('starts one follow-up for two concurrent identical calls, in the nurse’s institution', async () => {
    const [first, second] = await Promise.all([post(START, { input }, doctor), post(START, { input }, doctor)]);
    expect(first.body.errors).toBeUndefined();
    expect(second.body).toEqual(first.body);
    expect(first.body.data?.startFollowUp).toEqual({
      id: expect.stringMatching(/^followup-/), institution: 'PMI-75', since: '2026-03-02', status: 'ACTIVE', closedOn: null, nurse: { name: 'Hugo Lefèvre' }, visitCount: 0,
    });
    const rows = await subgraph.dataSource.query(`SELECT started_by FROM follow_up WHERE child_id = 'child-sacha'`);
    expect(rows).toEqual([{ started_by: 'agent-pmi-doctor' }]);
    const hugoSees = await post<{ _pmiCareRelationships: Array<{ childId: string }> }>(RELATIONSHIPS, { ...hugo, childIds: ['child-sacha'] });
    expect(hugoSees.body.data?._pmiCareRelationships).toEqual([{ childId: 'child-sacha', kind: 'FOLLOWING_NURSE' }]);
  });

  it('refuses a key already used for another child’s follow-up as CONFLICT, handing nothing over', async () => {
    const res = await post(START, { input: { ...input, childId: 'child-key-reuse' } }, doctor);
    expect(res.body).toEqual({ data: null, errors: [expect.objectContaining({ extensions: { code: 'CONFLICT' } })] });
    expect(await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM follow_up WHERE child_id = 'child-key-reuse'`)).toEqual([{ n: 0 }]);
  });

  it('lets only one of two concurrent starts with different keys win', async () => {
    const other = { childId: 'child-race', nurseId: 'agent-pmi-claire', since: '2026-01-05' };
    const results = await Promise.all([
      post(START, { input: { ...other, idempotencyKey: 'start-race-aaaa' } }, claire),
      post(START, { input: { ...other, idempotencyKey: 'start-race-bbbb' } }, claire),
    ]);
    expect(results.map((r) => codeAndField(r.body.errors)).sort((a, b) => String(a.code).localeCompare(String(b.code)))).toEqual([
      { code: 'BAD_USER_INPUT', field: 'input.childId' },
      { code: undefined, field: undefined },
    ]);
    expect(await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM follow_up WHERE child_id = 'child-race'`)).toEqual([{ n: 1 }]);
  });

  it.each([
    ['an unknown nurse', { nurseId: 'agent-pmi-nobody' }, 'BAD_USER_INPUT', 'input.nurseId'],
    ['a doctor as nurse', { nurseId: 'agent-pmi-doctor' }, 'BAD_USER_INPUT', 'input.nurseId'],
    ['a child already followed', { childId: 'child-lea' }, 'BAD_USER_INPUT', 'input.childId'],
    ['a start in the future', { since: dayAfterTomorrow() }, 'BAD_USER_INPUT', 'input.since'],
    ['a short idempotency key', { idempotencyKey: 'short' }, 'BAD_USER_INPUT', 'input.idempotencyKey'],
    ['a malformed child id', { childId: 'child lea<script>' }, 'BAD_USER_INPUT', 'input.childId'],
    // Rejected while coercing variables, before any resolver: the scalar's own error.
    ['a day that does not exist', { since: '2026-02-30' }, 'BAD_USER_INPUT', undefined],
  ])('refuses %s, writing nothing', async (_label, override, code, field) => {
    const before = await countRows(subgraph, 'follow_up');
    const res = await post(START, { input: { idempotencyKey: 'start-bad-0001', childId: 'child-nobody', nurseId: 'agent-pmi-claire', since: '2026-01-05', ...override } }, claire);
    expect(codeAndField(res.body.errors)).toEqual({ code, field });
    expect(await countRows(subgraph, 'follow_up')).toEqual(before);
  });

  // A nurse of another PMI would open a Paris follow-up, and a relationship with it.
  it('refuses a nurse of another institution than the caller’s, writing nothing', async () => {
    const before = await countRows(subgraph, 'follow_up');
    const elsewhere = { agentId: 'agent-pmi-13', role: Role.PMI_NURSE, institution: 'PMI-13' };
    const res = await post(START, { input: { idempotencyKey: 'start-bad-0013', childId: 'child-nobody', nurseId: 'agent-pmi-claire', since: '2026-01-05' } }, elsewhere);
    expect(codeAndField(res.body.errors)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.nurseId' });
    expect(await countRows(subgraph, 'follow_up')).toEqual(before);
  });

  it('needs an agent to attribute the follow-up to', async () => {
    const res = await post(START, { input: { ...input, idempotencyKey: 'start-anon-0001', childId: 'child-anon' } }, null);
    expect(codeAndField(res.body.errors)).toEqual({ code: 'FORBIDDEN', field: undefined });
  });
});

describe('recordHomeVisit', () => {
  const input = { idempotencyKey: 'visit-noah-0002', childId: 'child-noah', visitedOn: '2026-10-01', notes: 'Visite de suivi (texte fictif).' };

  it('records the requesting nurse’s visit once for two concurrent identical calls', async () => {
    const [first, second] = await Promise.all([post(VISIT, { input }, claire), post(VISIT, { input }, claire)]);
    expect(first.body.errors).toBeUndefined();
    expect(second.body).toEqual(first.body);
    expect(first.body.data?.recordHomeVisit).toEqual({ id: expect.stringMatching(/^visit-/), visitedOn: '2026-10-01', notes: 'Visite de suivi (texte fictif).', nurse: { name: 'Claire Dubois' } });
    const rows = await subgraph.dataSource.query(`SELECT follow_up_id, nurse_id FROM home_visit WHERE idempotency_key = 'visit-noah-0002'`);
    expect(rows).toEqual([{ follow_up_id: 'followup-noah', nurse_id: 'agent-pmi-claire' }]);
  });

  it('refuses a key already used for another child’s visit as CONFLICT, handing nothing over', async () => {
    const res = await post(VISIT, { input: { ...input, childId: 'child-lea' } }, claire);
    expect(res.body).toEqual({ data: null, errors: [expect.objectContaining({ extensions: { code: 'CONFLICT' } })] });
    expect(await subgraph.dataSource.query(`SELECT child_id FROM home_visit WHERE idempotency_key = 'visit-noah-0002'`)).toEqual([{ child_id: 'child-noah' }]);
  });

  it.each([
    ['a child without an active follow-up', { childId: 'child-nobody' }, 'input.childId'],
    ['a visit before the follow-up started', { visitedOn: '2022-11-09' }, 'input.visitedOn'],
    ['a visit in the future', { visitedOn: dayAfterTomorrow() }, 'input.visitedOn'],
    ['empty notes', { notes: '' }, 'input.notes'],
    ['blank notes', { notes: '   ' }, 'input.notes'],
    ['notes over 5000 characters', { notes: 'a'.repeat(5001) }, 'input.notes'],
  ])('refuses %s with BAD_USER_INPUT, writing nothing', async (_label, override, field) => {
    const before = await countRows(subgraph, 'home_visit');
    const res = await post(VISIT, { input: { ...input, idempotencyKey: 'visit-bad-0001', ...override } }, claire);
    expect(codeAndField(res.body.errors)).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(await countRows(subgraph, 'home_visit')).toEqual(before);
  });

  it.each([
    ['no agent', null],
    ['an agent unknown to PMI', { agentId: 'agent-ase-julien', role: Role.ASE_REFERENT, institution: 'ASE-75' }],
  ])('refuses %s with FORBIDDEN', async (_label, viewer) => {
    const res = await post(VISIT, { input: { ...input, idempotencyKey: 'visit-forbidden-0001' } }, viewer);
    expect(codeAndField(res.body.errors)).toEqual({ code: 'FORBIDDEN', field: undefined });
  });
});

describe('recordHealthCheck', () => {
  const input = { idempotencyKey: 'check-noah-y34-0001', childId: 'child-noah', kind: 'YEAR_3_4', checkedOn: '2026-11-02', findings: 'Bilan normal (texte fictif)', examinerName: 'Dr Paul Mercier' };

  it('records a check once for two concurrent identical calls', async () => {
    const [first, second] = await Promise.all([post(CHECK, { input }, claire), post(CHECK, { input }, claire)]);
    expect(first.body.errors).toBeUndefined();
    expect(second.body).toEqual(first.body);
    expect(first.body.data?.recordHealthCheck).toEqual({ id: expect.stringMatching(/^check-/), kind: 'YEAR_3_4', checkedOn: '2026-11-02', findings: 'Bilan normal (texte fictif)', examinerName: 'Dr Paul Mercier' });
    expect(await subgraph.dataSource.query(`SELECT recorded_by FROM health_check WHERE idempotency_key = 'check-noah-y34-0001'`)).toEqual([{ recorded_by: 'agent-pmi-claire' }]);
  });

  it.each([
    ['a check in the future', { checkedOn: dayAfterTomorrow() }, 'input.checkedOn'],
    ['empty findings', { findings: '' }, 'input.findings'],
    ['an empty examiner name', { examinerName: '' }, 'input.examinerName'],
    ['an unknown kind', { kind: 'MONTH_4' }, undefined],
  ])('refuses %s with BAD_USER_INPUT, writing nothing', async (_label, override, field) => {
    const before = await countRows(subgraph, 'health_check');
    const res = await post(CHECK, { input: { ...input, idempotencyKey: 'check-bad-0001', ...override } }, claire);
    expect(codeAndField(res.body.errors)).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(await countRows(subgraph, 'health_check')).toEqual(before);
  });
});

describe('updateVaccinationStatus', () => {
  const read = () => subgraph.dataSource.query(`SELECT status, details, updated_on::text, recorded_by FROM vaccination WHERE child_id = 'child-vax'`);

  it('creates, repeats without change, moves forward, and refuses an older assessment', async () => {
    const late = { childId: 'child-vax', status: 'LATE', details: 'Rappel à faire (texte fictif)', updatedOn: '2026-05-01' };
    const created = await post(VACCINATION, { input: late }, claire);
    expect(created.body).toEqual({ data: { updateVaccinationStatus: { status: 'LATE', details: 'Rappel à faire (texte fictif)', updatedOn: '2026-05-01' } } });
    const repeated = await post(VACCINATION, { input: late }, hugo);
    expect(repeated.body).toEqual(created.body);
    expect(await read()).toEqual([{ status: 'LATE', details: 'Rappel à faire (texte fictif)', updated_on: '2026-05-01', recorded_by: 'agent-pmi-claire' }]);

    const upToDate = await post(VACCINATION, { input: { childId: 'child-vax', status: 'UP_TO_DATE', updatedOn: '2026-06-01' } }, hugo);
    expect(upToDate.body).toEqual({ data: { updateVaccinationStatus: { status: 'UP_TO_DATE', details: null, updatedOn: '2026-06-01' } } });
    const stale = await post(VACCINATION, { input: late }, claire);
    expect(codeAndField(stale.body.errors)).toEqual({ code: 'CONFLICT', field: undefined });
    expect(await read()).toEqual([{ status: 'UP_TO_DATE', details: null, updated_on: '2026-06-01', recorded_by: 'agent-pmi-hugo' }]);
  });

  it.each([
    ['an assessment in the future', { updatedOn: dayAfterTomorrow() }, 'input.updatedOn'],
    ['details over 2000 characters', { details: 'a'.repeat(2001) }, 'input.details'],
    ['an unknown status', { status: 'PARTIAL' }, undefined],
  ])('refuses %s with BAD_USER_INPUT, writing nothing', async (_label, override, field) => {
    const res = await post(VACCINATION, { input: { childId: 'child-vax-bad', status: 'LATE', updatedOn: '2026-05-01', ...override } }, claire);
    expect(codeAndField(res.body.errors)).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(await subgraph.dataSource.query(`SELECT 1 FROM vaccination WHERE child_id = 'child-vax-bad'`)).toEqual([]);
  });
});

describe('closeFollowUp', () => {
  it.each([
    ['a close before the start', { followUpId: 'followup-ines', closedOn: '2021-06-30' }, 'BAD_USER_INPUT', 'input.closedOn'],
    ['a close in the future', { followUpId: 'followup-ines', closedOn: dayAfterTomorrow() }, 'BAD_USER_INPUT', 'input.closedOn'],
    ['an unknown follow-up', { followUpId: 'followup-nobody', closedOn: '2026-01-01' }, 'NOT_FOUND', 'input.followUpId'],
  ])('refuses %s, changing nothing', async (_label, input, code, field) => {
    const res = await post(CLOSE, { input }, hugo);
    expect(codeAndField(res.body.errors)).toEqual({ code, field });
    expect(await subgraph.dataSource.query(`SELECT status FROM follow_up WHERE id = 'followup-ines'`)).toEqual([{ status: 'ACTIVE' }]);
  });

  it.each([
    ['another nurse', claire],
    ['a doctor of another institution', { ...doctor, agentId: 'agent-pmi-doctor-92', institution: 'PMI-92' }],
  ])('answers %s as for an unknown follow-up, changing nothing', async (_label, viewer) => {
    const res = await post(CLOSE, { input: { followUpId: 'followup-ines', closedOn: '2026-09-30' } }, viewer);
    expect(res.body).toEqual((await post(CLOSE, { input: { followUpId: 'followup-nobody', closedOn: '2026-09-30' } }, viewer)).body);
    expect(codeAndField(res.body.errors)).toEqual({ code: 'NOT_FOUND', field: 'input.followUpId' });
    expect(await subgraph.dataSource.query(`SELECT status FROM follow_up WHERE id = 'followup-ines'`)).toEqual([{ status: 'ACTIVE' }]);
  });

  it('closes an active follow-up once: concurrent identical closes and a later retry are answered alike, writing once', async () => {
    const input = { followUpId: 'followup-ines', closedOn: '2026-09-30' };
    const [first, second] = await Promise.all([post(CLOSE, { input }, hugo), post(CLOSE, { input }, hugo)]);
    expect(first.body).toEqual({ data: { closeFollowUp: { id: 'followup-ines', status: 'CLOSED', closedOn: '2026-09-30' } } });
    expect(second.body).toEqual(first.body);
    const row = () => subgraph.dataSource.query(`SELECT * FROM follow_up WHERE id = 'followup-ines'`);
    const before = await row();
    expect(before).toMatchObject([{ closed_by: 'agent-pmi-hugo' }]);
    expect((await post(CLOSE, { input }, hugo)).body).toEqual(first.body);
    expect(await row()).toEqual(before);
  });

  it.each([
    ['another date, by the nurse who closed it', { closedOn: '2026-09-29' }, hugo, { code: 'CONFLICT', field: undefined }],
    ['the same date, by a doctor of the institution who did not close it', {}, doctor, { code: 'CONFLICT', field: undefined }],
    ['the same date, by another nurse', {}, claire, { code: 'NOT_FOUND', field: 'input.followUpId' }],
  ])('answers a retry of a closed follow-up with %s as before, changing nothing', async (_label, change, viewer, error) => {
    const input = { followUpId: 'followup-ines', closedOn: '2026-09-30', ...change };
    const before = await subgraph.dataSource.query(`SELECT * FROM follow_up WHERE id = 'followup-ines'`);
    const res = await post(CLOSE, { input }, viewer);
    expect(codeAndField(res.body.errors)).toEqual(error);
    if (error.code === 'NOT_FOUND') expect(res.body).toEqual((await post(CLOSE, { input: { ...input, followUpId: 'followup-nobody' } }, viewer)).body);
    expect(await subgraph.dataSource.query(`SELECT * FROM follow_up WHERE id = 'followup-ines'`)).toEqual(before);
  });

  it('ends the relationship, keeps the follow-up visible as the latest, and stops new visits', async () => {
    const relationships = await post<{ _pmiCareRelationships: unknown[] }>(RELATIONSHIPS, { ...hugo, childIds: ['child-ines'] });
    expect(relationships.body.data?._pmiCareRelationships).toEqual([]);
    const child = await post(`query { _entities(representations: [{__typename: "Child", id: "child-ines"}]) { ... on Child { pmiFollowUp { id status closedOn } } } }`);
    expect(child.body).toEqual({ data: { _entities: [{ pmiFollowUp: { id: 'followup-ines', status: 'CLOSED', closedOn: '2026-09-30' } }] } });
    const visit = await post(VISIT, { input: { idempotencyKey: 'visit-ines-after-close', childId: 'child-ines', visitedOn: '2026-10-01', notes: 'x' } }, hugo);
    expect(codeAndField(visit.body.errors)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.childId' });
  });
});

// A PMI writes into its own follow-ups only. A nurse of another PMI (an agent this service
// knows) naming a child followed here may not record her visit into Paris's follow-up, and a
// retry under the key of another institution's follow-up or another nurse's visit of the same
// child is refused as CONFLICT, handing nothing over (its dates, its notes).
describe('writes into another PMI’s follow-up of a child', () => {
  const nurse13 = { agentId: 'agent-pmi-13-review', role: Role.PMI_NURSE, institution: 'PMI-13' };
  beforeAll(async () => {
    await subgraph.dataSource.query(`INSERT INTO pmi_agent VALUES ('agent-pmi-13-review', 'Puéricultrice fictive', 'PMI_NURSE', 'PMI-13', NULL, NULL)`);
  });

  it('refuses a visit into Claire’s follow-up of Noah by a nurse of another PMI, writing nothing', async () => {
    const before = await countRows(subgraph, 'home_visit');
    const res = await post(VISIT, { input: { idempotencyKey: 'visit-pmi13-noah', childId: 'child-noah', visitedOn: '2026-10-02', notes: 'Visite fictive.' } }, nurse13);
    expect(res.body.data ?? null).toBeNull();
    expect(codeAndField(res.body.errors)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.childId' });
    expect(await countRows(subgraph, 'home_visit')).toEqual(before);
  });

  it.each([
    ['startFollowUp under the key of Paris’s follow-up of Léa', START, { idempotencyKey: 'seed-followup-lea', childId: 'child-lea', nurseId: 'agent-pmi-13-review', since: '2026-01-05' }],
    ['recordHomeVisit under the key of Claire’s visit of Léa', VISIT, { idempotencyKey: 'seed-visit-lea-3', childId: 'child-lea', visitedOn: '2026-10-02', notes: 'Visite fictive.' }],
  ])('refuses %s as CONFLICT, handing nothing over', async (_label, mutation, input) => {
    const res = await post(mutation, { input }, nurse13);
    expect(res.body).toEqual({ data: null, errors: [expect.objectContaining({ extensions: { code: 'CONFLICT' } })] });
  });
});
