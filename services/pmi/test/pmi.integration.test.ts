import { Role, type Viewer } from '../../../common/src/domain';
import { unsignedPost } from '../../../test/support/subgraph-client';
import { startTestSubgraph, type TestSubgraph } from '../../../test/support/start-test-subgraph';
import { pmiSubgraph } from '../src/service';
import { CHILD_FIELDS, claire, clientOf, doctor, hugo, RELATIONSHIPS } from './pmi-client';

let subgraph: TestSubgraph;
let post: ReturnType<typeof clientOf>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(pmiSubgraph);
  post = clientOf(subgraph);
  await pmiSubgraph.seedDemo(subgraph.dataSource);
});
afterAll(() => subgraph.stop());

type Entities = { _entities: Array<Record<string, unknown>> };
const CLAIRE_CONTACT = { name: 'Claire Dubois', institution: 'PMI-75', phone: '01 00 00 00 21', email: 'claire.dubois@pmi75.example' };

describe('Child fields by reference', () => {
  it('gives Léa’s follow-up and health record, newest first', async () => {
    const res = await post<Entities>(CHILD_FIELDS, { reps: [{ __typename: 'Child', id: 'child-lea' }] });
    expect(res.body).toEqual({ data: { _entities: [{
      id: 'child-lea',
      pmiFollowUp: { id: 'followup-lea', institution: 'PMI-75', since: '2023-04-20', status: 'ACTIVE', closedOn: null, nurse: CLAIRE_CONTACT, lastVisitOn: '2025-10-15', visitCount: 3 },
      healthRecord: {
        checks: [
          { id: 'check-lea-month24', kind: 'MONTH_24', checkedOn: '2025-04-14', findings: 'Langage en place, motricité adaptée à l’âge', examinerName: 'Dr Paul Mercier' },
          { id: 'check-lea-month9', kind: 'MONTH_9', checkedOn: '2024-01-12', findings: 'Développement harmonieux, courbe de poids normale', examinerName: null },
          { id: 'check-lea-day8', kind: 'DAY_8', checkedOn: '2023-04-20', findings: 'Examen du 8e jour sans particularité', examinerName: 'Dr Anne Rivière' },
        ],
        visits: [
          { id: 'visit-lea-3', visitedOn: '2025-10-15', notes: 'Échange avec la famille sur le langage et les repas (texte fictif).', nurse: CLAIRE_CONTACT },
          { id: 'visit-lea-2', visitedOn: '2023-06-10', notes: 'Pesée et échange sur le rythme de sommeil (texte fictif).', nurse: CLAIRE_CONTACT },
          { id: 'visit-lea-1', visitedOn: '2023-04-25', notes: 'Visite de retour à domicile après la naissance ; alimentation en place, conseils donnés (texte fictif).', nurse: CLAIRE_CONTACT },
        ],
        vaccination: { status: 'UP_TO_DATE', details: null, updatedOn: '2025-04-14' },
      },
    }] } });
  });

  it('gives Inès’s follow-up by Hugo, without visits, and a late vaccination; nothing for Sacha', async () => {
    const res = await post<Entities>(CHILD_FIELDS, { reps: [{ __typename: 'Child', id: 'child-ines' }, { __typename: 'Child', id: 'child-sacha' }] });
    expect(res.body.errors).toBeUndefined();
    const [ines, sacha] = res.body.data?._entities ?? [];
    expect(ines.pmiFollowUp).toEqual({
      id: 'followup-ines', institution: 'PMI-75', since: '2021-07-01', status: 'ACTIVE', closedOn: null,
      nurse: { name: 'Hugo Lefèvre', institution: 'PMI-75', phone: '01 00 00 00 22', email: 'hugo.lefevre@pmi75.example' },
      lastVisitOn: null, visitCount: 0,
    });
    expect(ines.healthRecord).toEqual({
      checks: [
        { id: 'check-ines-year34', kind: 'YEAR_3_4', checkedOn: '2025-01-15', findings: 'Bilan visuel et auditif normal', examinerName: 'Dr Paul Mercier' },
        { id: 'check-ines-month24', kind: 'MONTH_24', checkedOn: '2023-06-22', findings: 'Croissance régulière, sommeil à surveiller', examinerName: null },
        { id: 'check-ines-month9', kind: 'MONTH_9', checkedOn: '2022-03-21', findings: 'Développement harmonieux', examinerName: null },
      ],
      visits: [],
      vaccination: { status: 'LATE', details: 'Rappel à programmer (texte fictif)', updatedOn: '2025-01-15' },
    });
    expect(sacha).toEqual({ id: 'child-sacha', pmiFollowUp: null, healthRecord: null });
  });
});

describe('seed', () => {
  it('changes nothing when run again', async () => {
    const snapshot = () => Promise.all(
      ['pmi_agent', 'follow_up', 'home_visit', 'health_check', 'vaccination'].map((table) => subgraph.dataSource.query(`SELECT * FROM ${table} ORDER BY 1`)),
    );
    const before = await snapshot();
    await pmiSubgraph.seedDemo(subgraph.dataSource);
    expect(await snapshot()).toEqual(before);
    expect(before.map((rows) => rows.length)).toEqual([2, 3, 4, 8, 3]);
  });
});

type RelationshipCase = [label: string, viewer: Viewer, childIds: string[] | null, expected: string[][]];
const OTHER_ROLES = [Role.ASE_REFERENT, Role.ASE_MANAGER, Role.CRIP_EVALUATOR, Role.JUDGE, Role.RPE_COORDINATOR, Role.DPO];

describe('_pmiCareRelationships', () => {
  it.each<RelationshipCase>([
    ['Claire: Léa and Noah, never Inès', claire, null, [['child-lea', 'FOLLOWING_NURSE'], ['child-noah', 'FOLLOWING_NURSE']]],
    ['Claire among given ids', claire, ['child-ines', 'child-lea', 'child-sacha'], [['child-lea', 'FOLLOWING_NURSE']]],
    ['Hugo: Inès only', hugo, null, [['child-ines', 'FOLLOWING_NURSE']]],
    ['Hugo asked about Léa', hugo, ['child-lea'], []],
    ['a PMI-75 doctor: all three', doctor, null, [['child-ines', 'PMI_INSTITUTION'], ['child-lea', 'PMI_INSTITUTION'], ['child-noah', 'PMI_INSTITUTION']]],
    ['a PMI-75 doctor among given ids', doctor, ['child-noah', 'child-sacha'], [['child-noah', 'PMI_INSTITUTION']]],
    ['a doctor of another PMI', { ...doctor, institution: 'PMI-92' }, null, []],
    ['a nurse following nobody', { ...claire, agentId: 'agent-pmi-unknown' }, null, []],
    ['an empty id list', claire, [], []],
    ...OTHER_ROLES.map((role): RelationshipCase => [`${role}: none`, { agentId: 'agent-pmi-claire', role, institution: 'PMI-75' }, null, []]),
  ])('%s', async (_label, viewer, childIds, expected) => {
    const res = await post<{ _pmiCareRelationships: Array<{ childId: string; kind: string }> }>(RELATIONSHIPS, { ...viewer, childIds });
    expect(res.body.errors).toBeUndefined();
    const found = res.body.data?._pmiCareRelationships.map((r) => [r.childId, r.kind]).sort(([a], [b]) => a.localeCompare(b));
    expect(found).toEqual(expected);
  });
});

describe('_pmiCareRelationships for a signed viewer', () => {
  type Relationships = { _pmiCareRelationships: Array<{ childId: string; kind: string }> };
  const ask = async (signed: Viewer, asked: Viewer) => {
    const res = await post<Relationships>(RELATIONSHIPS, { ...asked, childIds: null }, signed);
    return {
      data: res.body.data === null ? null : res.body.data?._pmiCareRelationships.map((r) => r.childId).sort(),
      errors: res.body.errors?.map((error) => ({ code: error.extensions?.code, path: error.path })),
    };
  };

  it.each([
    ['Claire, as herself (the hub’s call)', claire, ['child-lea', 'child-noah']],
    ['a PMI-75 doctor, as herself', doctor, ['child-ines', 'child-lea', 'child-noah']],
  ])('answers %s', async (_label, viewer, children) => {
    expect(await ask(viewer, viewer)).toEqual({ data: children, errors: undefined });
  });

  it.each([
    ['Claire asking with role PMI_DOCTOR', claire, { ...claire, role: Role.PMI_DOCTOR }],
    ['Claire asking as Hugo', claire, hugo],
    ['Claire asking with another institution', claire, { ...claire, institution: 'PMI-92' }],
    ['a PMI-92 doctor asking as a PMI-75 doctor', { ...doctor, institution: 'PMI-92' }, doctor],
  ])('refuses %s: FORBIDDEN, no child', async (_label, signed, asked) => {
    expect(await ask(signed, asked)).toEqual({ data: null, errors: [{ code: 'FORBIDDEN', path: ['_pmiCareRelationships'] }] });
  });
});

describe('_pmiTimelineEvents', () => {
  const TIMELINE = `query ($ids: [ID!]!, $from: Date, $to: Date, $cats: [String!]! = ["IDENTITY","PROTECTION_STATUS","PROTECTION_DETAILS","PLACEMENT_LOCATION","HEALTH_FOLLOW_UP","HEALTH_DETAILS","CHILDCARE","CONCERN","COURT_DECISION","COURT_DECISION_CONTENT","REPORTER_IDENTITY"]) { _pmiTimelineEvents(childIds: $ids, from: $from, to: $to, categories: $cats) { childId at kind summary category } }`;

  it('tells Léa’s story newest first; visits never carry their notes', async () => {
    const res = await post<{ _pmiTimelineEvents: unknown[] }>(TIMELINE, { ids: ['child-lea'] });
    const event = (at: string, kind: string, summary: string, category: string) => ({ childId: 'child-lea', at: `${at}T00:00:00.000Z`, kind, summary, category });
    expect(res.body).toEqual({ data: { _pmiTimelineEvents: [
      event('2025-10-15', 'HOME_VISIT', 'Visite à domicile de la puéricultrice', 'HEALTH_FOLLOW_UP'),
      event('2025-04-14', 'HEALTH_CHECK', 'Certificat du 24e mois : Langage en place, motricité adaptée à l’âge', 'HEALTH_DETAILS'),
      event('2024-01-12', 'HEALTH_CHECK', 'Certificat du 9e mois : Développement harmonieux, courbe de poids normale', 'HEALTH_DETAILS'),
      event('2023-06-10', 'HOME_VISIT', 'Visite à domicile de la puéricultrice', 'HEALTH_FOLLOW_UP'),
      event('2023-04-25', 'HOME_VISIT', 'Visite à domicile de la puéricultrice', 'HEALTH_FOLLOW_UP'),
      // Equal instants keep the finder's order (the sort is stable).
      event('2023-04-20', 'FOLLOW_UP_STARTED', 'Début du suivi PMI (PMI-75)', 'HEALTH_FOLLOW_UP'),
      event('2023-04-20', 'HEALTH_CHECK', 'Certificat du 8e jour : Examen du 8e jour sans particularité', 'HEALTH_DETAILS'),
    ] } });
  });

  it('keeps to the range, inclusive, across children', async () => {
    const res = await post<{ _pmiTimelineEvents: Array<{ childId: string; at: string; kind: string }> }>(TIMELINE, { ids: ['child-noah', 'child-ines', 'child-sacha'], from: '2024-11-05', to: '2025-01-15' });
    expect(res.body.data?._pmiTimelineEvents.map(({ childId, at, kind }) => [childId, at.slice(0, 10), kind])).toEqual([
      ['child-ines', '2025-01-15', 'HEALTH_CHECK'],
      ['child-noah', '2024-12-02', 'HOME_VISIT'],
      ['child-noah', '2024-11-05', 'HEALTH_CHECK'],
    ]);
  });
});

describe('batching', () => {
  // 200 children of another institution, each with a follow-up, two visits by two different
  // nurses, a check and a vaccination status: every resolver and loader has work to do.
  beforeAll(async () => {
    const q = (sql: string) => subgraph.dataSource.query(sql);
    await q(`INSERT INTO pmi_agent VALUES ('agent-bulk-a', 'Agent fictif A', 'PMI_NURSE', 'PMI-99', NULL, NULL), ('agent-bulk-b', 'Agent fictif B', 'PMI_NURSE', 'PMI-99', NULL, NULL)`);
    await q(`INSERT INTO follow_up (id, child_id, institution, nurse_id, since, status, started_by, idempotency_key)
      SELECT 'followup-bulk-' || i, 'child-bulk-' || i, 'PMI-99', 'agent-bulk-a', '2024-01-01', 'ACTIVE', 'agent-bulk-a', 'bulk-followup-' || i FROM generate_series(0, 199) i`);
    await q(`INSERT INTO home_visit (id, follow_up_id, child_id, visited_on, nurse_id, notes, idempotency_key)
      SELECT 'visit-bulk-' || i || '-' || n, 'followup-bulk-' || i, 'child-bulk-' || i, DATE '2024-02-01' + n, CASE n WHEN 1 THEN 'agent-bulk-a' ELSE 'agent-bulk-b' END, 'Note fictive', 'bulk-visit-' || i || '-' || n
      FROM generate_series(0, 199) i, generate_series(1, 2) n`);
    await q(`INSERT INTO health_check (id, child_id, kind, checked_on, findings, recorded_by, idempotency_key)
      SELECT 'check-bulk-' || i, 'child-bulk-' || i, 'MONTH_9', '2024-03-01', 'RAS', 'agent-bulk-a', 'bulk-check-' || i FROM generate_series(0, 199) i`);
    await q(`INSERT INTO vaccination (child_id, status, updated_on, recorded_by)
      SELECT 'child-bulk-' || i, 'UNKNOWN', '2024-03-01', 'agent-bulk-a' FROM generate_series(0, 199) i`);
  });

  it('resolves every field of 200 children in at most 6 statements', async () => {
    const reps = Array.from({ length: 200 }, (_, i) => ({ __typename: 'Child', id: `child-bulk-${i}` }));
    subgraph.sql.reset();
    const res = await post<Entities>(CHILD_FIELDS, { reps });
    // One statement per loader: follow-ups, visits, checks, vaccinations (one batch each);
    // agents are asked for by follow-ups and by visits, which resolve in different ticks,
    // hence up to two agent batches. Nothing grows with the number of children.
    expect(subgraph.sql.total).toBeLessThanOrEqual(6);
    expect(res.body.errors).toBeUndefined();
    const entities = res.body.data?._entities ?? [];
    expect(entities).toHaveLength(200);
    expect(entities[199]).toEqual({
      id: 'child-bulk-199',
      pmiFollowUp: { id: 'followup-bulk-199', institution: 'PMI-99', since: '2024-01-01', status: 'ACTIVE', closedOn: null, nurse: { name: 'Agent fictif A', institution: 'PMI-99', phone: null, email: null }, lastVisitOn: '2024-02-03', visitCount: 2 },
      healthRecord: {
        checks: [{ id: 'check-bulk-199', kind: 'MONTH_9', checkedOn: '2024-03-01', findings: 'RAS', examinerName: null }],
        visits: [
          { id: 'visit-bulk-199-2', visitedOn: '2024-02-03', notes: 'Note fictive', nurse: { name: 'Agent fictif B', institution: 'PMI-99', phone: null, email: null } },
          { id: 'visit-bulk-199-1', visitedOn: '2024-02-02', notes: 'Note fictive', nurse: { name: 'Agent fictif A', institution: 'PMI-99', phone: null, email: null } },
        ],
        vaccination: { status: 'UNKNOWN', details: null, updatedOn: '2024-03-01' },
      },
    });
  });
});

describe('hub signature', () => {
  it('refuses unsigned requests, _service and _entities included', async () => {
    for (const query of ['{ _service { sdl } }', '{ _entities(representations: [{__typename: "Child", id: "child-lea"}]) { __typename } }']) {
      const res = await unsignedPost(subgraph.url, query);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ errors: [{ message: 'Subgraphs answer the hub only', extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  });
});
