import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FieldDefinitionNode, Kind, parse, print } from 'graphql';
import { hubPost } from '../support/hub-client';
import { startTestFederation, type TestFederation } from '../support/in-process-federation';
import { parisDay } from './policy-oracle';

/**
 * Journey 3 (issue 4): an ASE référent reads "the whole story of this child", merged in the
 * hub from the four institutions, newest first, each event kept or withheld by its own
 * category; what was withheld is summed up. Same question, other viewers, other answers.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const TIMELINE = `query Timeline($id: ID!, $from: Date, $to: Date) {
  child(id: $id) { timeline(from: $from, to: $to) { events { at source kind summary category } withheld { category count reason } } }
}`;
const timelineOf = async (as: Parameters<typeof hubPost>[1], id: string, range: { from?: string; to?: string } = {}) =>
  (await hubPost(federation.hubUrl, as, TIMELINE, { id, ...range })).body;
const answer = (events: unknown[], withheld: unknown[]) => ({ data: { child: { timeline: { events, withheld } } } });
const day = (date: string) => `${date}T00:00:00.000Z`;
const consentRequired = (category: string, count: number) => ({ category, count, reason: 'CONSENT_REQUIRED' });

// Léa's events, as the institutions summarise them (demo scenario of DESIGN.md).
const HOME_VISIT = 'Visite à domicile de la puéricultrice';
const LEA = {
  visit2025: { at: day('2025-10-15'), source: 'PMI', kind: 'HOME_VISIT', summary: HOME_VISIT, category: 'HEALTH_FOLLOW_UP' },
  check24m: { at: day('2025-04-14'), source: 'PMI', kind: 'HEALTH_CHECK', summary: 'Certificat du 24e mois : Langage en place, motricité adaptée à l’âge', category: 'HEALTH_DETAILS' },
  aemoMeasure: { at: day('2025-09-01'), source: 'ASE', kind: 'MEASURE_OPENED', summary: 'AEMO ordonnée par TJ-PARIS', category: 'PROTECTION_DETAILS' },
  aemoJudgment: { at: day('2025-09-01'), source: 'JUSTICE', kind: 'COURT_AEMO_JUDGMENT', summary: 'AEMO_JUDGMENT (TJ-PARIS), mesure : AEMO', category: 'COURT_DECISION' },
  dossier: { at: day('2025-08-20'), source: 'ASE', kind: 'DOSSIER_OPENED', summary: 'Ouverture du dossier ASE (ASE-75)', category: 'PROTECTION_DETAILS' },
  childcare: { at: day('2024-09-02'), source: 'RPE', kind: 'CHILDCARE_STARTED', summary: 'Accueil chez une assistante maternelle (RPE-75-11)', category: 'CHILDCARE' },
  check9m: { at: day('2024-01-12'), source: 'PMI', kind: 'HEALTH_CHECK', summary: 'Certificat du 9e mois : Développement harmonieux, courbe de poids normale', category: 'HEALTH_DETAILS' },
  visitJune: { at: day('2023-06-10'), source: 'PMI', kind: 'HOME_VISIT', summary: HOME_VISIT, category: 'HEALTH_FOLLOW_UP' },
  visitApril: { at: day('2023-04-25'), source: 'PMI', kind: 'HOME_VISIT', summary: HOME_VISIT, category: 'HEALTH_FOLLOW_UP' },
  followUp: { at: day('2023-04-20'), source: 'PMI', kind: 'FOLLOW_UP_STARTED', summary: 'Début du suivi PMI (PMI-75)', category: 'HEALTH_FOLLOW_UP' },
  check8d: { at: day('2023-04-20'), source: 'PMI', kind: 'HEALTH_CHECK', summary: 'Certificat du 8e jour : Examen du 8e jour sans particularité', category: 'HEALTH_DETAILS' },
};
const L = LEA;

describe('Léa’s timeline, as her ASE référent', () => {
  it('merges the four institutions, newest first, and sums up the health checks withheld for want of consent', async () => {
    expect(await timelineOf('agent-ase-julien', 'child-lea')).toEqual(
      answer(
        [L.visit2025, L.aemoMeasure, L.aemoJudgment, L.dossier, L.childcare, L.visitJune, L.visitApril, L.followUp],
        [consentRequired('HEALTH_DETAILS', 3)],
      ),
    );
  });

  it('answers two children in one request, each with its own events only', async () => {
    const selection = 'timeline { events { at source kind summary category } withheld { category count reason } }';
    const both = await hubPost(federation.hubUrl, 'agent-ase-julien', `query Both { lea: child(id: "child-lea") { ${selection} } ines: child(id: "child-ines") { ${selection} } }`);
    const [lea, ines] = [await timelineOf('agent-ase-julien', 'child-lea'), await timelineOf('agent-ase-julien', 'child-ines')];
    const events = (body: typeof lea) => (body as { data: { child: { timeline: { events: unknown[] } } } }).data.child.timeline.events;
    // Meaningful only if both have events of their own.
    expect(events(lea).length).toBeGreaterThan(0);
    expect(events(ines).length).toBeGreaterThan(0);
    expect(both.body).toEqual({ data: { lea: (lea as { data: { child: unknown } }).data.child, ines: (ines as { data: { child: unknown } }).data.child } });
  });

  it('keeps only the events of the range, withheld ones counted within it too', async () => {
    expect(await timelineOf('agent-ase-julien', 'child-lea', { from: '2025-01-01', to: '2025-12-31' })).toEqual(
      answer([L.visit2025, L.aemoMeasure, L.aemoJudgment, L.dossier], [consentRequired('HEALTH_DETAILS', 1)]),
    );
  });

  it('refuses a range that ends before it starts (BAD_USER_INPUT on `to`)', async () => {
    expect(await timelineOf('agent-ase-julien', 'child-lea', { from: '2026-01-01', to: '2025-01-01' })).toEqual({
      data: { child: { timeline: null } },
      errors: [{ message: expect.any(String), path: ['child', 'timeline'], extensions: { code: 'BAD_USER_INPUT', field: 'to' } }],
    });
  });
});

describe('the same timeline, as other viewers', () => {
  it('shows Léa’s PMI nurse her health follow-up and checks; childcare and protection details need consent; court decisions are not even counted', async () => {
    expect(await timelineOf('agent-pmi-claire', 'child-lea')).toEqual(
      answer(
        [L.visit2025, L.check24m, L.check9m, L.visitJune, L.visitApril, L.followUp, L.check8d],
        [consentRequired('CHILDCARE', 1), consentRequired('PROTECTION_DETAILS', 2)],
      ),
    );
  });

  it('shows the relais coordinator the childcare arrangement only, and counts nothing she may never see', async () => {
    expect(await timelineOf('agent-rpe-amina', 'child-lea')).toEqual(answer([L.childcare], []));
  });

  it('shows the judge Inès’s court decisions and her placement (PLACEMENT_LOCATION is A for judges), not her health checks', async () => {
    const ase = (date: string, kind: string, summary: string, category = 'PROTECTION_DETAILS') => ({ at: day(date), source: 'ASE', kind, summary, category });
    const court = (date: string, kind: string, summary: string) => ({ at: day(date), source: 'JUSTICE', kind, summary, category: 'COURT_DECISION' });
    expect(await timelineOf('agent-tj-helene', 'child-ines')).toEqual(
      answer(
        [
          court('2026-02-12', 'COURT_RENEWAL', 'RENEWAL (TJ-PARIS), mesure : PLACEMENT'),
          ase('2024-02-19', 'MEASURE_OPENED', 'Placement judiciaire ordonné par TJ-PARIS'),
          ase('2024-02-19', 'PLACEMENT_STARTED', 'Début du placement : famille d’accueil', 'PLACEMENT_LOCATION'),
          court('2024-02-19', 'COURT_PLACEMENT_JUDGMENT', 'PLACEMENT_JUDGMENT (TJ-PARIS), mesure : PLACEMENT'),
          ase('2024-02-18', 'MEASURE_CLOSED', 'Fin de la mesure : OPP'),
          ase('2024-02-05', 'DOSSIER_OPENED', 'Ouverture du dossier ASE (ASE-75)'),
          ase('2024-02-05', 'MEASURE_OPENED', 'OPP ordonnée par TJ-PARIS'),
          court('2024-02-05', 'COURT_OPP', 'OPP (TJ-PARIS), mesure : PLACEMENT'),
          { at: day('2021-07-01'), source: 'PMI', kind: 'FOLLOW_UP_STARTED', summary: 'Début du suivi PMI (PMI-75)', category: 'HEALTH_FOLLOW_UP' },
        ],
        [consentRequired('HEALTH_DETAILS', 3)],
      ),
    );
  });

  it.each([
    ['a PMI nurse who does not follow Inès', 'agent-pmi-claire', 'child-ines'],
    ['the relais coordinator, for a child not in her relais', 'agent-rpe-amina', 'child-ines'],
    ['the CRIP evaluator, for a child the CRIP never heard of', 'agent-crip-karim', 'child-lea'],
    ['the judge, for a child her court does not hold', 'agent-tj-helene', 'child-noah'],
  ] as const)('is unreachable through child(id) for %s: NOT_FOUND, as for an unknown id', async (_label, as, childId) => {
    const notFound = { data: { child: null }, errors: [{ message: 'Child not found', path: ['child'], extensions: { code: 'NOT_FOUND' } }] };
    expect(await timelineOf(as, childId)).toEqual(notFound);
    expect(await timelineOf(as, 'child-unknown')).toEqual(notFound);
  });
});

describe('a consent shows more', () => {
  it('releases Léa’s three health checks to her référent once recorded, and nothing is withheld any more', async () => {
    const record = await hubPost(
      federation.hubUrl,
      'agent-ase-julien',
      `mutation Consent($input: ConsentInput!) { recordConsent(input: $input) { childId categories recipientRole revokedAt } }`,
      { input: { childId: 'child-lea', categories: ['HEALTH_DETAILS'], recipientRole: 'ASE_REFERENT', grantedBy: 'mère, titulaire de l’autorité parentale', validFrom: parisDay(0) } },
    );
    expect(record.body).toEqual({ data: { recordConsent: { childId: 'child-lea', categories: ['HEALTH_DETAILS'], recipientRole: 'ASE_REFERENT', revokedAt: null } } });
    expect(await timelineOf('agent-ase-julien', 'child-lea')).toEqual(
      answer([L.visit2025, L.aemoMeasure, L.aemoJudgment, L.dossier, L.check24m, L.childcare, L.check9m, L.visitJune, L.visitApril, L.followUp, L.check8d], []),
    );
  });

  it('is for the référent’s role only: the ASE head still has the checks withheld', async () => {
    expect(await timelineOf('agent-ase-nathalie', 'child-lea')).toEqual(
      answer(
        [L.visit2025, L.aemoMeasure, L.aemoJudgment, L.dossier, L.childcare, L.visitJune, L.visitApril, L.followUp],
        [consentRequired('HEALTH_DETAILS', 3)],
      ),
    );
  });
});

describe('no institution receives another’s data to build it', () => {
  const SUBGRAPHS = { ase: '_aseTimelineEvents', pmi: '_pmiTimelineEvents', rpe: '_rpeTimelineEvents', justice: '_justiceTimelineEvents' };
  const fieldsOf = (name: string) =>
    parse(readFileSync(join(__dirname, '../../schema', `${name}.graphql`), 'utf8')).definitions.flatMap((definition) =>
      definition.kind === Kind.OBJECT_TYPE_DEFINITION ? (definition.fields ?? []).map((field): [string, FieldDefinitionNode] => [definition.name.value, field]) : [],
    );

  it.each(Object.entries(SUBGRAPHS))('%s: its internal timeline field takes only child ids, a range and categories', (name, fieldName) => {
    const field = fieldsOf(name).find(([type, candidate]) => type === 'Query' && candidate.name.value === fieldName)?.[1];
    const args = Object.fromEntries((field?.arguments ?? []).map((argument) => [argument.name.value, print(argument.type)]));
    expect(args).toEqual({ childIds: '[ID!]!', from: 'Date', to: 'Date', categories: '[String!]!' });
    expect(field?.directives?.map((directive) => directive.name.value)).toEqual(['inaccessible']);
  });

  it.each(Object.keys(SUBGRAPHS))('%s: no field pulls another subgraph’s data in through @requires', (name) => {
    const requiring = fieldsOf(name).filter(([, field]) => field.directives?.some((directive) => /(^|__)requires$/.test(directive.name.value)));
    expect(requiring.map(([type, field]) => `${type}.${field.name.value}`)).toEqual([]);
  });
});
