import { Role, type Viewer } from '../../../common/src/domain';
import { signedPost, unsignedPost } from '../../../test/support/subgraph-client';
import { startTestSubgraph, TEST_HUB_SECRET, type TestSubgraph } from '../../../test/support/start-test-subgraph';
import { aseSubgraph } from '../src/service';
import { clearOfParisMidnight, parisDay } from '../../../test/support/paris-day';

const julien: Viewer = { agentId: 'agent-ase-julien', role: Role.ASE_REFERENT, institution: 'ASE-75' };
const JULIEN = { name: 'Julien Moreau', institution: 'ASE-75', phone: '01 00 00 00 12', email: 'julien.moreau@ase75.example' };
const KARIM = { name: 'Karim Benali', institution: 'ASE-75', phone: '01 00 00 00 19', email: 'karim.benali@ase75.example' };
const TABLES = ['ase_agent', 'dossier', 'measure', 'placement', 'crip_evaluation'];
let subgraph: TestSubgraph;

beforeAll(async () => {
  subgraph = await startTestSubgraph(aseSubgraph);
  await aseSubgraph.seedDemo(subgraph.dataSource);
});
afterAll(() => subgraph.stop());

async function post<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, viewer: Viewer | null = null) {
  return signedPost<T>(subgraph, TEST_HUB_SECRET, query, variables, viewer);
}
/** Every row of every table, so that "writes nothing" is checked on the whole database. */
async function snapshot(): Promise<unknown[]> {
  return Promise.all(TABLES.map((table) => subgraph.dataSource.query(`SELECT * FROM ${table} ORDER BY id`)));
}
const count = async (sql: string): Promise<number> => (await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`))[0].n;

const ALL_FIELDS = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Child { id
  protectionStatus { level since referent { name institution phone email } }
  dossier { id openedOn closedOn referent { name institution phone email } measures { id kind legalBasis startDate endDate orderedBy } }
  placement { id kind since until caregiverName address }
  cripEvaluations { id receivedOn origin status outcome closedOn evaluator { name institution phone email } } } } }`;
const entities = (ids: string[]) => post<{ _entities: Array<Record<string, unknown>> }>(ALL_FIELDS, { reps: ids.map((id) => ({ __typename: 'Child', id })) });

describe('ase subgraph: Child fields', () => {
  it('resolves every contributed field of the demo children by reference', async () => {
    const res = await entities(['child-lea', 'child-ines', 'child-sacha', 'child-noah']);
    expect(res.body.errors).toBeUndefined();
    const aemo = { id: 'measure-lea-aemo', kind: 'AEMO', legalBasis: 'JUDICIAL', startDate: '2025-09-01', endDate: null, orderedBy: 'TJ-PARIS' };
    const inesPlacement = { id: 'measure-ines-placement', kind: 'PLACEMENT_JUDICIAIRE', legalBasis: 'JUDICIAL', startDate: '2024-02-19', endDate: null, orderedBy: 'TJ-PARIS' };
    const inesOpp = { id: 'measure-ines-opp', kind: 'OPP', legalBasis: 'JUDICIAL', startDate: '2024-02-05', endDate: '2024-02-18', orderedBy: 'TJ-PARIS' };
    expect(res.body.data?._entities).toEqual([
      {
        id: 'child-lea',
        protectionStatus: { level: 'JUDICIAL_MEASURE', since: '2025-09-01', referent: JULIEN },
        dossier: { id: 'dossier-lea', openedOn: '2025-08-20', closedOn: null, referent: JULIEN, measures: [aemo] },
        placement: null,
        cripEvaluations: [],
      },
      {
        id: 'child-ines',
        protectionStatus: { level: 'JUDICIAL_MEASURE', since: '2024-02-19', referent: JULIEN },
        dossier: { id: 'dossier-ines', openedOn: '2024-02-05', closedOn: null, referent: JULIEN, measures: [inesPlacement, inesOpp] },
        placement: { id: 'placement-ines', kind: 'FOSTER_FAMILY', since: '2024-02-19', until: null, caregiverName: 'Famille Rousseau (assistante familiale)', address: '12 rue des Lilas, 75020 Paris' },
        cripEvaluations: [],
      },
      {
        id: 'child-sacha',
        protectionStatus: { level: 'EVALUATION_IN_PROGRESS', since: '2026-10-28', referent: null },
        dossier: null,
        placement: null,
        cripEvaluations: [{ id: 'eval-sacha', receivedOn: '2026-10-28', origin: 'RPE', status: 'OPEN', outcome: null, closedOn: null, evaluator: KARIM }],
      },
      { id: 'child-noah', protectionStatus: { level: 'NONE', since: null, referent: null }, dossier: null, placement: null, cripEvaluations: [] },
    ]);
  });

  // DESIGN: the reporter goes to "the CRIP, the ASE head", those of the ASE that received the
  // information; the kind of source all but names the reporter.
  it.each([
    ['the CRIP that received it', { agentId: 'agent-crip-karim', role: Role.CRIP_EVALUATOR, institution: 'ASE-75' }, 'RPE'],
    ['its ASE head', { agentId: 'agent-ase-nathalie', role: Role.ASE_MANAGER, institution: 'ASE-75' }, 'RPE'],
    ['no CRIP of another département', { agentId: 'agent-crip-13', role: Role.CRIP_EVALUATOR, institution: 'ASE-13' }, null],
    ['no ASE head of another département', { agentId: 'agent-ase-head-13', role: Role.ASE_MANAGER, institution: 'ASE-13' }, null],
  ])('gives the origin of an information préoccupante to %s', async (_label, viewer, origin) => {
    const res = await post(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Child { cripEvaluations { id origin } } } }`, { reps: [{ __typename: 'Child', id: 'child-sacha' }] }, viewer);
    expect(res.body).toEqual({ data: { _entities: [{ cripEvaluations: [{ id: 'eval-sacha', origin }] }] } });
  });

  it('changes nothing when seeded twice', async () => {
    const before = await snapshot();
    await aseSubgraph.seedDemo(subgraph.dataSource);
    expect(await snapshot()).toEqual(before);
  });
});

describe('ase subgraph: care relationships', () => {
  const query = `query ($agentId: ID!, $role: String!, $institution: String!, $childIds: [ID!]) {
    _aseCareRelationships(agentId: $agentId, role: $role, institution: $institution, childIds: $childIds) { childId kind } }`;
  it.each([
    ['the référent of open dossiers', julien, null, [['child-ines', 'REFERENT'], ['child-lea', 'REFERENT']]],
    ['the référent, among given ids', julien, ['child-lea', 'child-sacha'], [['child-lea', 'REFERENT']]],
    ['another référent', { ...julien, agentId: 'agent-ase-other' }, null, []],
    ['the ASE head of the département', { agentId: 'agent-ase-nathalie', role: Role.ASE_MANAGER, institution: 'ASE-75' }, null, [['child-ines', 'ASE_HEAD'], ['child-lea', 'ASE_HEAD'], ['child-sacha', 'ASE_HEAD']]],
    ['the ASE head, among given ids', { agentId: 'agent-ase-nathalie', role: Role.ASE_MANAGER, institution: 'ASE-75' }, ['child-sacha', 'child-noah'], [['child-sacha', 'ASE_HEAD']]],
    ['the ASE head of another département', { agentId: 'agent-ase-x', role: Role.ASE_MANAGER, institution: 'ASE-13' }, null, []],
    ['the CRIP of the département', { agentId: 'agent-crip-karim', role: Role.CRIP_EVALUATOR, institution: 'ASE-75' }, null, [['child-sacha', 'CRIP']]],
    ['the CRIP of another département', { agentId: 'agent-crip-x', role: Role.CRIP_EVALUATOR, institution: 'ASE-69' }, null, []],
    ['the CRIP, no ids', { agentId: 'agent-crip-karim', role: Role.CRIP_EVALUATOR, institution: 'ASE-75' }, [], []],
    ['a PMI nurse', { agentId: 'agent-pmi-claire', role: Role.PMI_NURSE, institution: 'PMI-75' }, null, []],
    ['a judge', { agentId: 'agent-tj-helene', role: Role.JUDGE, institution: 'TJ-PARIS' }, null, []],
    ['the DPO of the ASE', { agentId: 'agent-dpo-marc', role: Role.DPO, institution: 'ASE-75' }, null, []],
  ])('answers for %s', async (_label, viewer, childIds, expected) => {
    const res = await post<{ _aseCareRelationships: unknown[] }>(query, { ...viewer, childIds });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?._aseCareRelationships).toEqual(expected.map(([childId, kind]) => ({ childId, kind })));
  });

  // The ASE head may name herself a dossier's référent (openDossier): she is then its
  // référent too, which is what the hub reads her access notifications off.
  describe('when the ASE head is named the référent of a dossier', () => {
    const nathalie: Viewer = { agentId: 'agent-ase-nathalie', role: Role.ASE_MANAGER, institution: 'ASE-75' };
    const OPEN_DOSSIER = `mutation ($input: OpenDossierInput!) { openDossier(input: $input) { id referent { name } } }`;
    const CHILD = 'child-head-named';
    beforeAll(async () => {
      const input = { idempotencyKey: 'key-head-named-dossier', childId: CHILD, referentId: nathalie.agentId, openedOn: '2026-11-02' };
      expect((await post(OPEN_DOSSIER, { input }, nathalie)).body.errors).toBeUndefined();
    });
    afterAll(() => subgraph.dataSource.query(`DELETE FROM dossier WHERE child_id = $1`, [CHILD]));

    it.each([
      ['the named head, among given ids', nathalie, [CHILD, 'child-lea', 'child-noah'], [[CHILD, 'ASE_HEAD'], ['child-lea', 'ASE_HEAD'], [CHILD, 'REFERENT']]],
      ['the named head, all her children', nathalie, null, [[CHILD, 'ASE_HEAD'], ['child-ines', 'ASE_HEAD'], ['child-lea', 'ASE_HEAD'], ['child-sacha', 'ASE_HEAD'], [CHILD, 'REFERENT']]],
      ['another head of the département', { ...nathalie, agentId: 'agent-ase-head-2' }, [CHILD], [[CHILD, 'ASE_HEAD']]],
      ['the head of another département', { agentId: 'agent-ase-nathalie', role: Role.ASE_MANAGER, institution: 'ASE-13' }, [CHILD], []],
      ['another référent', julien, [CHILD, 'child-lea'], [['child-lea', 'REFERENT']]],
    ])('answers for %s', async (_label, viewer, childIds, expected) => {
      const res = await post<{ _aseCareRelationships: unknown[] }>(query, { ...viewer, childIds });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data?._aseCareRelationships).toEqual(expected.map(([childId, kind]) => ({ childId, kind })));
    });

    it('answers ASE_HEAD alone once her dossier is closed', async () => {
      await subgraph.dataSource.query(`UPDATE dossier SET closed_on = '2026-11-03' WHERE child_id = $1`, [CHILD]);
      try {
        const res = await post<{ _aseCareRelationships: unknown[] }>(query, { ...nathalie, childIds: [CHILD] });
        expect(res.body.data?._aseCareRelationships).toEqual([{ childId: CHILD, kind: 'ASE_HEAD' }]);
      } finally {
        await subgraph.dataSource.query(`UPDATE dossier SET closed_on = NULL WHERE child_id = $1`, [CHILD]);
      }
    });
  });
});

describe('ase subgraph: timeline', () => {
  const query = `query ($ids: [ID!]!, $from: Date, $to: Date, $cats: [String!]! = ["IDENTITY","PROTECTION_STATUS","PROTECTION_DETAILS","PLACEMENT_LOCATION","HEALTH_FOLLOW_UP","HEALTH_DETAILS","CHILDCARE","CONCERN","COURT_DECISION","COURT_DECISION_CONTENT","REPORTER_IDENTITY"]) { _aseTimelineEvents(childIds: $ids, from: $from, to: $to, categories: $cats) { childId at kind summary category } }`;
  const event = (childId: string, day: string, kind: string, summary: string, category = 'PROTECTION_DETAILS') => ({ childId, at: `${day}T00:00:00.000Z`, kind, summary, category });

  it('gives dated events newest first, the placement without place or people', async () => {
    const res = await post<{ _aseTimelineEvents: unknown[] }>(query, { ids: ['child-ines', 'child-sacha', 'child-noah'] });
    expect(res.body.data?._aseTimelineEvents).toEqual([
      event('child-sacha', '2026-10-28', 'INFORMATION_PREOCCUPANTE_RECEIVED', 'Information préoccupante reçue par la CRIP'),
      event('child-ines', '2024-02-19', 'MEASURE_OPENED', 'Placement judiciaire ordonné par TJ-PARIS'),
      event('child-ines', '2024-02-19', 'PLACEMENT_STARTED', 'Début du placement : famille d’accueil', 'PLACEMENT_LOCATION'),
      event('child-ines', '2024-02-18', 'MEASURE_CLOSED', 'Fin de la mesure : OPP'),
      event('child-ines', '2024-02-05', 'DOSSIER_OPENED', 'Ouverture du dossier ASE (ASE-75)'),
      event('child-ines', '2024-02-05', 'MEASURE_OPENED', 'OPP ordonnée par TJ-PARIS'),
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/Lilas|Rousseau/);
  });

  it('keeps to the range, both days included', async () => {
    const res = await post<{ _aseTimelineEvents: Array<{ kind: string; at: string }> }>(query, { ids: ['child-ines', 'child-lea'], from: '2024-02-18', to: '2025-09-01' });
    expect(res.body.data?._aseTimelineEvents.map((e) => [e.at.slice(0, 10), e.kind])).toEqual([
      ['2025-09-01', 'MEASURE_OPENED'],
      ['2025-08-20', 'DOSSIER_OPENED'],
      ['2024-02-19', 'MEASURE_OPENED'],
      ['2024-02-19', 'PLACEMENT_STARTED'],
      ['2024-02-18', 'MEASURE_CLOSED'],
    ]);
  });
});

describe('ase subgraph: writes', () => {
  const OPEN_DOSSIER = `mutation ($input: OpenDossierInput!) { openDossier(input: $input) { id openedOn closedOn referent { name } } }`;
  const ADD_MEASURE = `mutation ($input: AddMeasureInput!) { addMeasure(input: $input) { id kind legalBasis startDate endDate orderedBy } }`;
  const END_MEASURE = `mutation ($input: EndMeasureInput!) { endMeasure(input: $input) { id startDate endDate } }`;
  const RECORD_PLACEMENT = `mutation ($input: RecordPlacementInput!) { recordPlacement(input: $input) { id kind since until } }`;
  const RECORD_IP = `mutation ($input: RecordInformationPreoccupanteInput!) { recordInformationPreoccupante(input: $input) { id receivedOn origin status evaluator { name } } }`;
  const CLOSE_EVALUATION = `mutation ($input: CloseEvaluationInput!) { closeEvaluation(input: $input) { id status outcome closedOn } }`;
  const karim: Viewer = { agentId: 'agent-crip-karim', role: Role.CRIP_EVALUATOR, institution: 'ASE-75' };
  const idOf = async (table: string, key: string): Promise<string> => (await subgraph.dataSource.query(`SELECT id FROM ${table} WHERE idempotency_key = $1`, [key]))[0].id;

  // In order: each creation builds on the previous one (dossier → measure → placement).
  it.each<[string, string, string, () => Promise<Record<string, unknown>>]>([
    ['openDossier', OPEN_DOSSIER, 'dossier', async () => ({ idempotencyKey: 'key-noah-dossier', childId: 'child-noah', referentId: 'agent-ase-julien', openedOn: '2026-11-02' })],
    ['addMeasure', ADD_MEASURE, 'measure', async () => ({ idempotencyKey: 'key-noah-accueil', childId: 'child-noah', kind: 'ACCUEIL_PROVISOIRE', startDate: '2026-11-03' })],
    [
      'recordPlacement',
      RECORD_PLACEMENT,
      'placement',
      async () => ({ idempotencyKey: 'key-noah-placement', childId: 'child-noah', measureId: await idOf('measure', 'key-noah-accueil'), kind: 'CHILDRENS_HOME', since: '2026-11-03', caregiverName: 'MECS Les Tilleuls (fictive)', address: '1 rue Fictive, 75011 Paris' }),
    ],
    ['recordInformationPreoccupante', RECORD_IP, 'crip_evaluation', async () => ({ idempotencyKey: 'key-tom-ip', childId: 'child-tom', receivedOn: '2026-11-10', origin: 'EDUCATION', evaluatorId: 'agent-crip-karim' })],
  ])('%s: two concurrent identical calls write one row and answer alike', async (_name, mutation, table, makeInput) => {
    const input = await makeInput();
    const before = await count(table);
    const [first, second] = await Promise.all([post(mutation, { input }, julien), post(mutation, { input }, julien)]);
    expect(first.body.errors).toBeUndefined();
    expect(second.body).toEqual(first.body);
    expect(await count(table)).toBe(before + 1);
    const retry = await post(mutation, { input }, julien);
    expect(retry.body).toEqual(first.body);
  });

  it('opens one dossier when two requests with different keys race for the same child', async () => {
    const input = (key: string) => ({ idempotencyKey: key, childId: 'child-race', referentId: 'agent-ase-julien', openedOn: '2026-11-02' });
    const answers = await Promise.all([post(OPEN_DOSSIER, { input: input('key-race-one') }, julien), post(OPEN_DOSSIER, { input: input('key-race-two') }, julien)]);
    expect(answers.filter((answer) => !answer.body.errors)).toHaveLength(1);
    expect(answers.find((answer) => answer.body.errors)?.body.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.childId' }]);
    expect(await count(`dossier WHERE child_id = 'child-race'`)).toBe(1);
  });

  it('shows what was written on the child, by reference', async () => {
    const res = await entities(['child-noah', 'child-tom']);
    const [noah, tom] = res.body.data?._entities ?? [];
    expect(noah.protectionStatus).toEqual({ level: 'ADMINISTRATIVE_MEASURE', since: '2026-11-03', referent: JULIEN });
    expect(noah.placement).toMatchObject({ kind: 'CHILDRENS_HOME', since: '2026-11-03', until: null });
    expect(tom.protectionStatus).toEqual({ level: 'EVALUATION_IN_PROGRESS', since: '2026-11-10', referent: null });
  });

  it('ends the previous placement the day before a new one', async () => {
    const measureId = await idOf('measure', 'key-noah-accueil');
    const input = { idempotencyKey: 'key-noah-placement-2', childId: 'child-noah', measureId, kind: 'FOSTER_FAMILY', since: '2026-11-15', caregiverName: 'Famille Fictive', address: '2 rue Fictive, 75012 Paris' };
    expect((await post(RECORD_PLACEMENT, { input }, julien)).body.errors).toBeUndefined();
    const rows = await subgraph.dataSource.query(`SELECT kind, since, until FROM placement WHERE child_id = 'child-noah' ORDER BY since`);
    expect(rows).toEqual([
      { kind: 'CHILDRENS_HOME', since: '2026-11-03', until: '2026-11-14' },
      { kind: 'FOSTER_FAMILY', since: '2026-11-15', until: null },
    ]);
  });

  it('ends a measure, the same date twice being harmless', async () => {
    const input = { measureId: await idOf('measure', 'key-noah-accueil'), endDate: '2027-05-02' };
    const first = await post(END_MEASURE, { input }, julien);
    expect(first.body).toEqual({ data: { endMeasure: { id: input.measureId, startDate: '2026-11-03', endDate: '2027-05-02' } } });
    expect((await post(END_MEASURE, { input }, julien)).body).toEqual(first.body);
  });

  it('closes an evaluation once; concurrent identical closes and a later retry are answered alike, writing once', async () => {
    const input = { evaluationId: await idOf('crip_evaluation', 'key-tom-ip'), outcome: 'NO_DANGER', closedOn: '2026-11-20' };
    const [first, second] = await Promise.all([post(CLOSE_EVALUATION, { input }, karim), post(CLOSE_EVALUATION, { input }, karim)]);
    expect(first.body).toEqual({ data: { closeEvaluation: { id: input.evaluationId, status: 'CLOSED', outcome: 'NO_DANGER', closedOn: '2026-11-20' } } });
    expect(second.body).toEqual(first.body);
    const [row] = await subgraph.dataSource.query(`SELECT closed_by FROM crip_evaluation WHERE id = $1`, [input.evaluationId]);
    expect(row).toEqual({ closed_by: 'agent-crip-karim' });
    const before = await snapshot();
    expect((await post(CLOSE_EVALUATION, { input }, karim)).body).toEqual(first.body);
    expect(await snapshot()).toEqual(before);
  });

  // Only exactly the state the call would produce is "already done": anything else is the
  // CONFLICT it was, and those who may not touch the record learn nothing more than before.
  it.each<[string, Record<string, string>, Viewer, Record<string, unknown>]>([
    ['another outcome', { outcome: 'JUDICIAL_REFERRAL' }, karim, { code: 'CONFLICT' }],
    ['another date', { closedOn: '2026-11-21' }, karim, { code: 'CONFLICT' }],
    ['the same close by the ASE head, who did not close it', {}, { agentId: 'agent-ase-nathalie', role: Role.ASE_MANAGER, institution: 'ASE-75' }, { code: 'CONFLICT' }],
    ['the same close by a référent not working on it', {}, julien, { code: 'NOT_FOUND', field: 'input.evaluationId' }],
    ['the same close by another département’s CRIP', {}, { agentId: 'agent-crip-92', role: Role.CRIP_EVALUATOR, institution: 'ASE-92' }, { code: 'NOT_FOUND', field: 'input.evaluationId' }],
  ])('answers a retry of a closed evaluation with %s as before, writing nothing', async (_label, change, viewer, error) => {
    const input = { evaluationId: await idOf('crip_evaluation', 'key-tom-ip'), outcome: 'NO_DANGER', closedOn: '2026-11-20', ...change };
    const before = await snapshot();
    const res = await post(CLOSE_EVALUATION, { input }, viewer);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.map((e) => e.extensions)).toEqual([error]);
    if (error.code === 'NOT_FOUND') expect(res.body).toEqual((await post(CLOSE_EVALUATION, { input: { ...input, evaluationId: 'eval-nope' } }, viewer)).body);
    expect(await snapshot()).toEqual(before);
  });

  it.each<[string, string, Record<string, unknown>, string, string | undefined]>([
    ['openDossier, a referent unknown here', OPEN_DOSSIER, { idempotencyKey: 'key-bad-01', childId: 'child-x', referentId: 'agent-nobody', openedOn: '2026-11-01' }, 'BAD_USER_INPUT', 'input.referentId'],
    ['openDossier, a CRIP evaluator as referent', OPEN_DOSSIER, { idempotencyKey: 'key-bad-02', childId: 'child-x', referentId: 'agent-crip-karim', openedOn: '2026-11-01' }, 'BAD_USER_INPUT', 'input.referentId'],
    ['openDossier, a child with an open dossier', OPEN_DOSSIER, { idempotencyKey: 'key-bad-03', childId: 'child-lea', referentId: 'agent-ase-julien', openedOn: '2026-11-01' }, 'BAD_USER_INPUT', 'input.childId'],
    ['openDossier, a short key', OPEN_DOSSIER, { idempotencyKey: 'short', childId: 'child-x', referentId: 'agent-ase-julien', openedOn: '2026-11-01' }, 'BAD_USER_INPUT', 'input.idempotencyKey'],
    ['addMeasure, no open dossier', ADD_MEASURE, { idempotencyKey: 'key-bad-05', childId: 'child-sacha', kind: 'AED', startDate: '2026-11-01' }, 'BAD_USER_INPUT', 'input.childId'],
    ['addMeasure, judicial without court', ADD_MEASURE, { idempotencyKey: 'key-bad-06', childId: 'child-lea', kind: 'AEMO', startDate: '2026-11-01' }, 'BAD_USER_INPUT', 'input.orderedBy'],
    ['addMeasure, administrative with a court', ADD_MEASURE, { idempotencyKey: 'key-bad-07', childId: 'child-lea', kind: 'AED', startDate: '2026-11-01', orderedBy: 'TJ-PARIS' }, 'BAD_USER_INPUT', 'input.orderedBy'],
    ['addMeasure, not a court code', ADD_MEASURE, { idempotencyKey: 'key-bad-08', childId: 'child-lea', kind: 'AEMO', startDate: '2026-11-01', orderedBy: 'Paris' }, 'BAD_USER_INPUT', 'input.orderedBy'],
    ['addMeasure, an end before the start', ADD_MEASURE, { idempotencyKey: 'key-bad-09', childId: 'child-lea', kind: 'AEMO', startDate: '2026-11-01', endDate: '2026-10-01', orderedBy: 'TJ-PARIS' }, 'BAD_USER_INPUT', 'input.endDate'],
    ['addMeasure, a key already used for another child', ADD_MEASURE, { idempotencyKey: 'key-noah-accueil', childId: 'child-lea', kind: 'AED', startDate: '2026-11-01' }, 'CONFLICT', undefined],
    ['endMeasure, an unknown measure', END_MEASURE, { measureId: 'measure-nope', endDate: '2026-11-01' }, 'NOT_FOUND', 'input.measureId'],
    ['endMeasure, an end before the start', END_MEASURE, { measureId: 'measure-lea-aemo', endDate: '2025-08-31' }, 'BAD_USER_INPUT', 'input.endDate'],
    ['endMeasure, rewriting a past end', END_MEASURE, { measureId: 'measure-ines-opp', endDate: '2024-02-17' }, 'CONFLICT', undefined],
    ['recordPlacement, another child’s measure', RECORD_PLACEMENT, { idempotencyKey: 'key-bad-13', childId: 'child-lea', measureId: 'measure-ines-placement', kind: 'FOSTER_FAMILY', since: '2026-11-01', caregiverName: 'x', address: 'y' }, 'BAD_USER_INPUT', 'input.measureId'],
    ['recordPlacement, not a placement measure', RECORD_PLACEMENT, { idempotencyKey: 'key-bad-14', childId: 'child-lea', measureId: 'measure-lea-aemo', kind: 'FOSTER_FAMILY', since: '2026-11-01', caregiverName: 'x', address: 'y' }, 'BAD_USER_INPUT', 'input.measureId'],
    ['recordPlacement, before the measure', RECORD_PLACEMENT, { idempotencyKey: 'key-bad-15', childId: 'child-ines', measureId: 'measure-ines-placement', kind: 'FOSTER_FAMILY', since: '2024-02-01', caregiverName: 'x', address: 'y' }, 'BAD_USER_INPUT', 'input.since'],
    ['recordPlacement, after the measure ended', RECORD_PLACEMENT, { idempotencyKey: 'key-bad-15b', childId: 'child-ines', measureId: 'measure-ines-opp', kind: 'FOSTER_FAMILY', since: '2026-11-01', caregiverName: 'x', address: 'y' }, 'BAD_USER_INPUT', 'input.since'],
    ['recordPlacement, an empty address', RECORD_PLACEMENT, { idempotencyKey: 'key-bad-16', childId: 'child-ines', measureId: 'measure-ines-placement', kind: 'FOSTER_FAMILY', since: '2026-11-01', caregiverName: 'x', address: '' }, 'BAD_USER_INPUT', 'input.address'],
    ['recordInformationPreoccupante, a référent as evaluator', RECORD_IP, { idempotencyKey: 'key-bad-17', childId: 'child-x', receivedOn: '2026-11-01', origin: 'HEALTH', evaluatorId: 'agent-ase-julien' }, 'BAD_USER_INPUT', 'input.evaluatorId'],
    ['closeEvaluation, an unknown evaluation', CLOSE_EVALUATION, { evaluationId: 'eval-nope', outcome: 'NO_DANGER', closedOn: '2026-11-20' }, 'NOT_FOUND', 'input.evaluationId'],
    ['closeEvaluation, closed before received', CLOSE_EVALUATION, { evaluationId: 'eval-sacha', outcome: 'NO_DANGER', closedOn: '2026-10-27' }, 'BAD_USER_INPUT', 'input.closedOn'],
    // Dates still to come: a record of what happened, not of what may.
    ['openDossier, opened in the future', OPEN_DOSSIER, { idempotencyKey: 'key-bad-18', childId: 'child-x', referentId: 'agent-ase-julien', openedOn: '2099-01-01' }, 'BAD_USER_INPUT', 'input.openedOn'],
    ['recordInformationPreoccupante, received in the future', RECORD_IP, { idempotencyKey: 'key-bad-19', childId: 'child-x', receivedOn: '2099-01-01', origin: 'HEALTH', evaluatorId: 'agent-crip-karim' }, 'BAD_USER_INPUT', 'input.receivedOn'],
    ['closeEvaluation, closed in the future', CLOSE_EVALUATION, { evaluationId: 'eval-sacha', outcome: 'NO_DANGER', closedOn: '2099-01-01' }, 'BAD_USER_INPUT', 'input.closedOn'],
  ])('refuses %s, writing nothing', async (_label, mutation, input, code, field) => {
    const before = await snapshot();
    // Evaluations are the CRIP's: Julien works with no child of one.
    const res = await post(mutation, { input }, mutation === CLOSE_EVALUATION ? karim : julien);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.map((e) => ({ code: e.extensions?.code, field: e.extensions?.field }))).toEqual([{ code, field }]);
    // Messages never echo what was sent.
    expect(JSON.stringify(res.body.errors)).not.toMatch(/child-|agent-|measure-|eval-|TJ-|Paris/);
    expect(await snapshot()).toEqual(before);
  });

  // A write names the agent in charge, and the record is opened in that agent's institution:
  // never in another département's ASE or CRIP than the caller's.
  it.each<[string, string, Record<string, unknown>, Viewer, string]>([
    ['openDossier naming a Paris référent', OPEN_DOSSIER, { idempotencyKey: 'key-bad-20', childId: 'child-x', referentId: 'agent-ase-julien', openedOn: '2026-11-01' }, { agentId: 'agent-ase-13', role: Role.ASE_REFERENT, institution: 'ASE-13' }, 'input.referentId'],
    ['recordInformationPreoccupante naming a Paris evaluator', RECORD_IP, { idempotencyKey: 'key-bad-21', childId: 'child-x', receivedOn: '2026-11-01', origin: 'HEALTH', evaluatorId: 'agent-crip-karim' }, { agentId: 'agent-crip-13', role: Role.CRIP_EVALUATOR, institution: 'ASE-13' }, 'input.evaluatorId'],
  ])('refuses %s by another département, writing nothing', async (_label, mutation, input, viewer, field) => {
    const before = await snapshot();
    const res = await post(mutation, { input }, viewer);
    expect(res.body.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field }]);
    expect(await snapshot()).toEqual(before);
  });

  // Another département's records: answered as unknown ids, before any check that would
  // read their dates off (an end before the start, the same end again).
  it.each<[string, string, Record<string, unknown>, Viewer, string]>([
    ['endMeasure, the same end again', END_MEASURE, { measureId: 'measure-ines-opp', endDate: '2024-02-18' }, { agentId: 'agent-ase-head-92', role: Role.ASE_MANAGER, institution: 'ASE-92' }, 'input.measureId'],
    ['endMeasure, an end before the start', END_MEASURE, { measureId: 'measure-ines-opp', endDate: '2024-02-01' }, { agentId: 'agent-ase-head-92', role: Role.ASE_MANAGER, institution: 'ASE-92' }, 'input.measureId'],
    ['closeEvaluation', CLOSE_EVALUATION, { evaluationId: 'eval-sacha', outcome: 'NO_DANGER', closedOn: '2026-11-20' }, { agentId: 'agent-crip-92', role: Role.CRIP_EVALUATOR, institution: 'ASE-92' }, 'input.evaluationId'],
  ])('answers %s by another département as for an unknown id, writing nothing', async (_label, mutation, input, viewer, field) => {
    const before = await snapshot();
    const res = await post(mutation, { input }, viewer);
    expect(res.body.errors?.map((e) => e.extensions)).toEqual([{ code: 'NOT_FOUND', field }]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a write without an agent to attribute it to', async () => {
    const input = { idempotencyKey: 'key-anonymous', childId: 'child-x', receivedOn: '2026-11-01', origin: 'FAMILY', evaluatorId: 'agent-crip-karim' };
    const res = await post(RECORD_IP, { input }, null);
    expect(res.body.errors?.map((e) => e.extensions)).toEqual([{ code: 'FORBIDDEN' }]);
    expect(await count(`crip_evaluation WHERE idempotency_key = 'key-anonymous'`)).toBe(0);
  });
});

describe('ase subgraph: cost and access', () => {
  it('costs a constant number of SQL statements for 200 children with every field', async () => {
    // 200 children of another département, each with a dossier, two measures, a placement and an evaluation.
    await subgraph.dataSource.query(`
      INSERT INTO ase_agent VALUES ('agent-bulk-ref', 'Réf Bulk', 'ASE_REFERENT', 'ASE-13', NULL, NULL), ('agent-bulk-crip', 'Crip Bulk', 'CRIP_EVALUATOR', 'ASE-13', NULL, NULL);
      INSERT INTO dossier (id, child_id, institution, referent_id, opened_on, idempotency_key, recorded_by)
        SELECT 'd-' || i, 'child-bulk-' || i, 'ASE-13', 'agent-bulk-ref', '2025-01-01', 'bulk-d-' || i, 'test' FROM generate_series(1, 200) i;
      INSERT INTO measure (id, dossier_id, child_id, kind, legal_basis, ordered_by, start_date, end_date, idempotency_key, recorded_by)
        SELECT 'm-' || i || '-' || k, 'd-' || i, 'child-bulk-' || i, 'PLACEMENT_JUDICIAIRE', 'JUDICIAL', 'TJ-MARSEILLE', ('2025-01-0' || k)::date, NULL, 'bulk-m-' || i || '-' || k, 'test'
        FROM generate_series(1, 200) i, generate_series(1, 2) k;
      INSERT INTO placement (id, child_id, measure_id, kind, since, caregiver_name, address, idempotency_key, recorded_by)
        SELECT 'p-' || i, 'child-bulk-' || i, 'm-' || i || '-1', 'FOSTER_FAMILY', '2025-01-01', 'Famille Fictive', '1 rue Fictive', 'bulk-p-' || i, 'test' FROM generate_series(1, 200) i;
      INSERT INTO crip_evaluation (id, child_id, institution, received_on, origin, evaluator_id, status, idempotency_key, recorded_by)
        SELECT 'e-' || i, 'child-bulk-' || i, 'ASE-13', '2024-12-01', 'OTHER', 'agent-bulk-crip', 'OPEN', 'bulk-e-' || i, 'test' FROM generate_series(1, 200) i;`);
    const ids = Array.from({ length: 200 }, (_, i) => `child-bulk-${i + 1}`);
    subgraph.sql.reset();
    const res = await entities(ids);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?._entities[199]).toMatchObject({ id: 'child-bulk-200', protectionStatus: { level: 'JUDICIAL_MEASURE', since: '2025-01-01' } });
    // One statement each for dossiers, measures, placements and evaluations, and agents in at
    // most three batches: référents of statuses, of dossiers and evaluators resolve at
    // different depths of the query, so DataLoader may batch them separately.
    expect(subgraph.sql.total).toBeLessThanOrEqual(7);
  });

  it('refuses unsigned requests, _service and _entities included', async () => {
    for (const query of ['{ _service { sdl } }', '{ _entities(representations: [{__typename: "Child", id: "child-lea"}]) { __typename } }']) {
      const res = await unsignedPost(subgraph.url, query);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ errors: [{ message: 'Subgraphs answer the hub only', extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  });
});

// An ASE head or CRIP of another département who relates to the child through an information
// préoccupante of her own works with the child, not with Paris's file: she may neither add a
// measure to Paris's dossier, nor end its measures, nor place the child under them, nor close
// Paris's evaluation. Answered as for a record that does not exist, writing nothing.
describe('ase subgraph: writes on another département’s records of a child one relates to', () => {
  const ADD_MEASURE = `mutation ($input: AddMeasureInput!) { addMeasure(input: $input) { id } }`;
  const END_MEASURE = `mutation ($input: EndMeasureInput!) { endMeasure(input: $input) { id endDate } }`;
  const RECORD_PLACEMENT = `mutation ($input: RecordPlacementInput!) { recordPlacement(input: $input) { id } }`;
  const CLOSE_EVALUATION = `mutation ($input: CloseEvaluationInput!) { closeEvaluation(input: $input) { id status } }`;
  const head13: Viewer = { agentId: 'agent-ase-head-13-review', role: Role.ASE_MANAGER, institution: 'ASE-13' };
  const crip13: Viewer = { agentId: 'agent-crip-13-review', role: Role.CRIP_EVALUATOR, institution: 'ASE-13' };
  beforeAll(async () => {
    await subgraph.dataSource.query(`
      INSERT INTO ase_agent VALUES ('agent-crip-13-review', 'CRIP fictive', 'CRIP_EVALUATOR', 'ASE-13', NULL, NULL);
      INSERT INTO crip_evaluation (id, child_id, institution, received_on, origin, evaluator_id, status, idempotency_key, recorded_by) VALUES
        ('eval-13-lea', 'child-lea', 'ASE-13', '2026-10-01', 'HEALTH', 'agent-crip-13-review', 'OPEN', 'review-13-lea', 'test'),
        ('eval-13-ines', 'child-ines', 'ASE-13', '2026-10-01', 'HEALTH', 'agent-crip-13-review', 'OPEN', 'review-13-ines', 'test'),
        ('eval-13-sacha', 'child-sacha', 'ASE-13', '2026-10-29', 'HEALTH', 'agent-crip-13-review', 'OPEN', 'review-13-sacha', 'test');`);
  });

  it('relates them to the children (the premise)', async () => {
    for (const viewer of [head13, crip13]) {
      const res = await post<{ _aseCareRelationships: Array<{ childId: string }> }>(
        `query ($a: ID!, $r: String!, $i: String!) { _aseCareRelationships(agentId: $a, role: $r, institution: $i, childIds: ["child-lea", "child-ines", "child-sacha"]) { childId } }`,
        { a: viewer.agentId, r: viewer.role, i: viewer.institution },
        viewer,
      );
      expect(res.body.data?._aseCareRelationships.map((row) => row.childId)).toEqual(['child-ines', 'child-lea', 'child-sacha']);
    }
  });

  it.each<[string, string, Record<string, unknown>, Viewer, string]>([
    ['addMeasure to Paris’s dossier of Léa', ADD_MEASURE, { idempotencyKey: 'review-13-add', childId: 'child-lea', kind: 'AED', startDate: '2026-11-01' }, head13, 'input.childId'],
    ['endMeasure of Paris’s AEMO of Léa', END_MEASURE, { measureId: 'measure-lea-aemo', endDate: '2026-11-30' }, head13, 'input.measureId'],
    ['recordPlacement under Paris’s placement measure of Inès', RECORD_PLACEMENT, { idempotencyKey: 'review-13-placement', childId: 'child-ines', measureId: 'measure-ines-placement', kind: 'CHILDRENS_HOME', since: '2026-11-01', caregiverName: 'Foyer fictif', address: '1 rue Fictive, 13001 Marseille' }, head13, 'input.measureId'],
    ['closeEvaluation of Paris’s evaluation of Sacha', CLOSE_EVALUATION, { evaluationId: 'eval-sacha', outcome: 'NO_DANGER', closedOn: '2026-11-20' }, crip13, 'input.evaluationId'],
  ])('refuses %s, writing nothing', async (_label, mutation, input, viewer, field) => {
    const before = await snapshot();
    const res = await post(mutation, { input }, viewer);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.map((e) => e.extensions?.field)).toEqual([field]);
    expect(await snapshot()).toEqual(before);
  });
});

// A retry is answered with the row its key already holds: only for the writer's own casework.
// Another département's record of the same child, found under its key, is not handed over (as
// justice and the relais do for another court's or relais's key): the write is refused as
// CONFLICT, like a key already used for another child, and the record's dates stay unread.
describe('ase subgraph: retries under the key of another département’s record of the same child', () => {
  const ADD_MEASURE = `mutation ($input: AddMeasureInput!) { addMeasure(input: $input) { id kind startDate } }`;
  const RECORD_PLACEMENT = `mutation ($input: RecordPlacementInput!) { recordPlacement(input: $input) { id since address } }`;
  const OPEN_DOSSIER = `mutation ($input: OpenDossierInput!) { openDossier(input: $input) { id openedOn } }`;
  const RECORD_IP = `mutation ($input: RecordInformationPreoccupanteInput!) { recordInformationPreoccupante(input: $input) { id receivedOn status } }`;
  const head13: Viewer = { agentId: 'agent-ase-head-13-retry', role: Role.ASE_MANAGER, institution: 'ASE-13' };
  const referent13: Viewer = { agentId: 'agent-ase-ref-13-retry', role: Role.ASE_REFERENT, institution: 'ASE-13' };
  const crip13: Viewer = { agentId: 'agent-crip-13-retry', role: Role.CRIP_EVALUATOR, institution: 'ASE-13' };
  beforeAll(async () => {
    await subgraph.dataSource.query(`
      INSERT INTO ase_agent VALUES ('agent-ase-head-13-retry', 'Direction fictive', 'ASE_MANAGER', 'ASE-13', NULL, NULL),
        ('agent-ase-ref-13-retry', 'Référent fictif', 'ASE_REFERENT', 'ASE-13', NULL, NULL),
        ('agent-crip-13-retry', 'CRIP fictive', 'CRIP_EVALUATOR', 'ASE-13', NULL, NULL);
      INSERT INTO crip_evaluation (id, child_id, institution, received_on, origin, evaluator_id, status, idempotency_key, recorded_by) VALUES
        ('eval-13-lea-retry', 'child-lea', 'ASE-13', '2026-10-01', 'HEALTH', 'agent-crip-13-retry', 'OPEN', 'retry-13-lea', 'test'),
        ('eval-13-ines-retry', 'child-ines', 'ASE-13', '2026-10-01', 'HEALTH', 'agent-crip-13-retry', 'OPEN', 'retry-13-ines', 'test');`);
  });

  it.each<[string, string, Record<string, unknown>, Viewer]>([
    ['addMeasure under the key of Paris’s AEMO of Léa', ADD_MEASURE, { idempotencyKey: 'seed-measure-lea-aemo', childId: 'child-lea', kind: 'AED', startDate: '2026-11-01' }, head13],
    ['recordPlacement under the key of Paris’s placement of Inès', RECORD_PLACEMENT, { idempotencyKey: 'seed-placement-ines', childId: 'child-ines', measureId: 'measure-ines-placement', kind: 'CHILDRENS_HOME', since: '2026-11-01', caregiverName: 'Foyer fictif', address: '1 rue Fictive, 13001 Marseille' }, head13],
    ['openDossier under the key of Paris’s dossier of Léa', OPEN_DOSSIER, { idempotencyKey: 'seed-dossier-lea', childId: 'child-lea', referentId: 'agent-ase-ref-13-retry', openedOn: '2026-11-01' }, referent13],
    ['recordInformationPreoccupante under the key of Paris’s evaluation of Sacha', RECORD_IP, { idempotencyKey: 'seed-eval-sacha', childId: 'child-sacha', receivedOn: '2026-11-01', origin: 'HEALTH', evaluatorId: 'agent-crip-13-retry' }, crip13],
  ])('refuses %s as CONFLICT, handing nothing over', async (_label, mutation, input, viewer) => {
    const before = await snapshot();
    const res = await post(mutation, { input }, viewer);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.map((e) => e.extensions)).toEqual([{ code: 'CONFLICT' }]);
    expect(JSON.stringify(res.body)).not.toMatch(/measure-|placement-|dossier-|eval-|20\d\d-/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('ase subgraph: closeDossier', () => {
  const OPEN_DOSSIER = `mutation ($input: OpenDossierInput!) { openDossier(input: $input) { id } }`;
  const ADD_MEASURE = `mutation ($input: AddMeasureInput!) { addMeasure(input: $input) { id } }`;
  const CLOSE = `mutation ($input: CloseDossierInput!) { closeDossier(input: $input) { id openedOn closedOn } }`;
  const nathalie: Viewer = { agentId: 'agent-ase-nathalie', role: Role.ASE_MANAGER, institution: 'ASE-75' };
  const head92: Viewer = { agentId: 'agent-ase-head-92-close', role: Role.ASE_MANAGER, institution: 'ASE-92' };
  const open = async (childId: string): Promise<string> => {
    const res = await post<{ openDossier: { id: string } }>(OPEN_DOSSIER, { input: { idempotencyKey: `key-close-${childId}`, childId, referentId: 'agent-ase-julien', openedOn: '2026-10-01' } }, nathalie);
    expect(res.body.errors).toBeUndefined();
    return res.body.data?.openDossier.id as string;
  };
  const codeOf = (res: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }) => res.body.errors?.map((error) => error.extensions);

  it.each<[string, () => Promise<Record<string, unknown>>, Viewer, Record<string, unknown>]>([
    ['another département’s head', async () => ({ closedOn: '2026-11-01' }), head92, { code: 'NOT_FOUND', field: 'input.dossierId' }],
    ['an unknown dossier', async () => ({ dossierId: 'dossier-nope', closedOn: '2026-11-01' }), julien, { code: 'NOT_FOUND', field: 'input.dossierId' }],
    ['a day in the future', async () => ({ closedOn: '2099-01-01' }), julien, { code: 'BAD_USER_INPUT', field: 'input.closedOn' }],
    ['a day before its opening', async () => ({ closedOn: '2026-09-30' }), julien, { code: 'BAD_USER_INPUT', field: 'input.closedOn' }],
  ])('refuses a close by %s, writing nothing', async (_label, makeInput, viewer, expected) => {
    const dossierId = await open('child-close-refused');
    const before = await snapshot();
    const res = await post(CLOSE, { input: { dossierId, ...(await makeInput()) } }, viewer);
    expect(res.body.data ?? null).toBeNull();
    expect(codeOf(res)).toEqual([expected]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses while a measure is in force on the closing day, and closes once it has ended', async () => {
    const dossierId = await open('child-close-measure');
    const measure = await post<{ addMeasure: { id: string } }>(ADD_MEASURE, { input: { idempotencyKey: 'key-close-measure-aed', childId: 'child-close-measure', kind: 'AED', startDate: '2026-10-01' } }, julien);
    const input = { dossierId, closedOn: '2026-11-01' };
    expect(codeOf(await post(CLOSE, { input }, julien))).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.closedOn' }]);
    const ended = await post(`mutation ($input: EndMeasureInput!) { endMeasure(input: $input) { id } }`, { input: { measureId: measure.body.data?.addMeasure.id, endDate: '2026-11-01' } }, julien);
    expect(ended.body.errors).toBeUndefined();
    expect((await post(CLOSE, { input }, julien)).body).toEqual({ data: { closeDossier: { id: dossierId, openedOn: '2026-10-01', closedOn: '2026-11-01' } } });
  });

  it('closes once: concurrent identical closes by the head are answered alike; a colleague’s or another date is not a retry', async () => {
    const dossierId = await open('child-close-once');
    const input = { dossierId, closedOn: '2026-11-02' };
    const [first, second] = await Promise.all([post(CLOSE, { input }, nathalie), post(CLOSE, { input }, nathalie)]);
    expect(first.body).toEqual({ data: { closeDossier: { id: dossierId, openedOn: '2026-10-01', closedOn: '2026-11-02' } } });
    expect(second.body).toEqual(first.body);
    expect(await subgraph.dataSource.query(`SELECT closed_on, closed_by FROM dossier WHERE id = $1`, [dossierId])).toEqual([{ closed_on: '2026-11-02', closed_by: 'agent-ase-nathalie' }]);
    expect((await post(CLOSE, { input }, nathalie)).body).toEqual(first.body);
    expect(codeOf(await post(CLOSE, { input: { ...input, closedOn: '2026-11-03' } }, nathalie))).toEqual([{ code: 'CONFLICT' }]);
    // The référent did not close it; her relationship ended with it: answered as none.
    expect(codeOf(await post(CLOSE, { input }, julien))).toEqual([{ code: 'NOT_FOUND', field: 'input.dossierId' }]);
  });

  // Review Y: a closed dossier must hold no measure in force (its child's status would name no référent).
  it('keeps a closed dossier without a measure in force: endMeasure may not move an end past the close', async () => {
    await clearOfParisMidnight();
    const today = parisDay(0);
    const dossierId = await open('child-close-then-extend');
    const measure = await post<{ addMeasure: { id: string } }>(ADD_MEASURE, { input: { idempotencyKey: 'key-close-extend-aed', childId: 'child-close-then-extend', kind: 'AED', startDate: '2026-10-01', endDate: today } }, julien);
    const measureId = measure.body.data?.addMeasure.id as string;
    expect((await post(CLOSE, { input: { dossierId, closedOn: today } }, nathalie)).body.errors).toBeUndefined();
    const END = `mutation ($input: EndMeasureInput!) { endMeasure(input: $input) { id endDate } }`;
    const later = await post(END, { input: { measureId, endDate: parisDay(365) } }, nathalie);
    expect(codeOf(later)).toEqual([{ code: 'BAD_USER_INPUT', field: 'input.endDate' }]);
    expect(await subgraph.dataSource.query(`SELECT end_date FROM measure WHERE id = $1`, [measureId])).toEqual([{ end_date: today }]);
    // Its end may still be brought forward, within the dossier's life.
    expect((await post(END, { input: { measureId, endDate: '2026-11-30' } }, nathalie)).body.errors).toBeUndefined();
  });

  it('keeps a closed dossier without a measure in force: a measure added while the dossier is being closed is refused', async () => {
    const dossierId = await open('child-close-race');
    const otherDossierId = await open('child-close-race-other');
    // Hold addMeasure after it has read the dossier open: another transaction (on another dossier) holds its key.
    const blocker = subgraph.dataSource.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query(
      `INSERT INTO measure (id, dossier_id, child_id, kind, legal_basis, start_date, idempotency_key, recorded_by) VALUES ('measure-blocker', $1, 'child-close-race', 'AED', 'ADMINISTRATIVE', '2026-10-01', 'key-close-race', 'agent-test')`,
      [otherDossierId],
    );
    const adding = post(ADD_MEASURE, { input: { idempotencyKey: 'key-close-race', childId: 'child-close-race', kind: 'AED', startDate: '2026-10-01' } }, julien);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const closing = post(CLOSE, { input: { dossierId, closedOn: '2026-11-01' } }, nathalie);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await blocker.rollbackTransaction();
    await blocker.release();
    const [added, closed] = await Promise.all([adding, closing]);
    expect(closed.body.errors ?? added.body.errors).toBeDefined();
    const inForce = await subgraph.dataSource.query(`SELECT m.id FROM measure m JOIN dossier d ON d.id = m.dossier_id WHERE d.id = $1 AND d.closed_on IS NOT NULL AND m.end_date IS NULL`, [dossierId]);
    expect(inForce).toEqual([]);
  });
});
