import { hubPost } from '../support/hub-client';
import { startTestFederation, type TestFederation } from '../support/in-process-federation';
import { type DemoAgentId, tokenFor } from '../support/tokens';
import { parisDay } from './policy-oracle';

/** How the hub enforces the table: what a client sees, and what is never even fetched. */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const CLAIRE = 'agent-pmi-claire';
const AMINA = 'agent-rpe-amina';
const err = (path: Array<string | number>, code: string, category: string) => ({ message: expect.any(String), path, extensions: { code, category } });

describe('NOT_FOUND', () => {
  /** The raw response text, unparsed: any difference at all would tell the two apart. */
  async function rawText(as: DemoAgentId, query: string, variables: Record<string, unknown>): Promise<{ status: number; text: string }> {
    const response = await fetch(federation.hubUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(as)}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, text: await response.text() };
  }

  it.each([
    ['a small selection', `query Q($id: ID!) { child(id: $id) { id firstName } }`],
    ['a selection of every source', `query Q($id: ID!) { child(id: $id) { firstName protectionStatus { level } pmiFollowUp { id } childcare { id } courtDecisions { id } } }`],
  ])('is byte-identical for a child without relationship and an unknown id (%s)', async (_label, query) => {
    const unrelated = await rawText(CLAIRE, query, { id: 'child-ines' });
    const unknown = await rawText(CLAIRE, query, { id: 'child-does-not-exist' });
    expect(unrelated).toEqual(unknown);
    expect(JSON.parse(unknown.text)).toEqual({ data: { child: null }, errors: [{ message: 'Child not found', path: ['child'], extensions: { code: 'NOT_FOUND' } }] });
  });
});

describe('fields the role may never see', () => {
  const QUERY = `query Never { child(id: "child-lea") { courtDecisions { id } concerns { id } placement { id } } }`;

  it('are never fetched from their subgraphs', async () => {
    for (const counter of federation.sql.values()) counter.reset();
    const res = await hubPost(federation.hubUrl, CLAIRE, QUERY);
    expect(res.body).toEqual({
      data: { child: { courtDecisions: null, concerns: null, placement: null } },
      errors: expect.arrayContaining([
        err(['child', 'courtDecisions'], 'FORBIDDEN_CATEGORY', 'COURT_DECISION'),
        err(['child', 'concerns'], 'FORBIDDEN_CATEGORY', 'CONCERN'),
        err(['child', 'placement'], 'FORBIDDEN_CATEGORY', 'PLACEMENT_LOCATION'),
      ]),
    });
    expect(res.body.errors).toHaveLength(3);
    expect({ justice: federation.sql.get('justice')?.total, rpe: federation.sql.get('rpe')?.total, ase: federation.sql.get('ase')?.total }).toEqual({ justice: 0, rpe: 0, ase: 0 });
  });

  it('are fetched for a role that may see them (the counters do count)', async () => {
    for (const counter of federation.sql.values()) counter.reset();
    const res = await hubPost(federation.hubUrl, 'agent-ase-julien', QUERY);
    expect(res.body).toEqual({ data: { child: { courtDecisions: [{ id: 'decision-lea-aemo' }], concerns: [], placement: null } } });
    expect(federation.sql.get('justice')?.total).toBeGreaterThan(0);
    expect(federation.sql.get('rpe')?.total).toBeGreaterThan(0);
    expect(federation.sql.get('ase')?.total).toBeGreaterThan(0);
  });
});

describe('the same query text sent by different roles', () => {
  const QUERY = `query Q { child(id:"child-lea") { firstName protectionStatus { level } childcare { id } } }`;
  const asNurse = {
    data: { child: { firstName: 'Léa', protectionStatus: { level: 'JUDICIAL_MEASURE' }, childcare: null } },
    errors: [err(['child', 'childcare'], 'CONSENT_REQUIRED', 'CHILDCARE')],
  };
  const asRelais = {
    data: { child: { firstName: 'Léa', protectionStatus: null, childcare: [{ id: 'arrangement-lea' }] } },
    errors: [err(['child', 'protectionStatus'], 'FORBIDDEN_CATEGORY', 'PROTECTION_STATUS')],
  };

  it('gets each role its own plan and result, whatever was cached before', async () => {
    const answers = [];
    for (const as of [CLAIRE, AMINA, CLAIRE, AMINA] as const) answers.push((await hubPost(federation.hubUrl, as, QUERY)).body);
    expect(answers).toEqual([asNurse, asRelais, asNurse, asRelais]);
  });
});

describe('operations a role may not call at all', () => {
  it.each([
    ['a PMI nurse', 'auditTrail', CLAIRE, `query A { auditTrail(first: 5) { edges { node { id } } } }`],
    ['a PMI nurse', 'auditIntegrity', CLAIRE, `query A { auditIntegrity { ok } }`],
    ['a PMI nurse', 'concernsInbox', CLAIRE, `query I { concernsInbox { id } }`],
    ['a PMI nurse', 'recordConsent', CLAIRE, `mutation R { recordConsent(input: { childId: "child-lea", categories: [CHILDCARE], recipientRole: PMI_NURSE, grantedBy: "mère", validFrom: "2026-01-01" }) { id } }`],
    ['a relais coordinator', 'concernsInbox', AMINA, `query I { concernsInbox { id } }`],
    ['a relais coordinator', 'accessNotifications', AMINA, `query N { accessNotifications { id } }`],
    ['the DPO', 'flagConcern', 'agent-dpo-marc', `mutation F { flagConcern(input: { idempotencyKey: "dpo-flag-0001", childIds: ["child-lea"], category: OTHER, severity: LOW, observedAt: "2026-01-01", description: "x" }) { id } }`],
    ['the DPO, alongside a mutation it may not call either', 'flagConcern', 'agent-dpo-marc', `mutation F { registerChild(input: { idempotencyKey: "dpo-reg-0002", firstName: "A", lastName: "B", birthDate: "2024-01-01" }) { id } flagConcern(input: { idempotencyKey: "dpo-flag-0002", childIds: ["child-lea"], category: OTHER, severity: LOW, observedAt: "2026-01-01", description: "x" }) { id } }`],
    ['the ASE head', 'auditIntegrity', 'agent-ase-nathalie', `query A { me { id } auditIntegrity { ok } }`],
    ['a judge', 'myRelaisConcerns, hidden in an inline fragment', 'agent-tj-helene', `query M { ... on Query { myRelaisConcerns { id } } }`],
  ] as const)('%s gets FORBIDDEN (%s), with no data', async (_label, _operation, as, query) => {
    const res = await hubPost(federation.hubUrl, as, query);
    expect(res.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'FORBIDDEN' } }] });
  });
});

describe('fragments and aliases', () => {
  it.each([
    ['a named fragment with an alias', `query F { c: child(id: "child-lea") { ...F } } fragment F on Child { x: courtDecisions { id } }`, { c: { x: null } }, ['c', 'x']],
    ['an inline fragment', `query F { child(id: "child-lea") { ... on Child { courtDecisions { id } } } }`, { child: { courtDecisions: null } }, ['child', 'courtDecisions']],
    [
      'the same field twice, aliased',
      `query F { child(id: "child-lea") { a: courtDecisions { id } b: courtDecisions { id } } }`,
      { child: { a: null, b: null } },
      ['child', 'a'],
    ],
  ])('do not bypass the rules: %s', async (_label, query, data, path) => {
    const res = await hubPost(federation.hubUrl, CLAIRE, query);
    expect(res.body.data).toEqual(data);
    expect(res.body.errors).toContainEqual(err(path, 'FORBIDDEN_CATEGORY', 'COURT_DECISION'));
    expect(res.body.errors?.every((error) => error.extensions?.code === 'FORBIDDEN_CATEGORY')).toBe(true);
  });

  it.each([
    ['at the root', `query R { _cpChildId: child(id: "child-lea") { id } }`],
    ['on a child field', `query R { child(id: "child-lea") { _cpChildId: id } }`],
    ['inside a named fragment', `query R { child(id: "child-lea") { ...F } } fragment F on Child { _cpx: firstName }`],
    ['inside an inline fragment', `query R { child(id: "child-lea") { ... on Child { _cpSubjects: firstName } } }`],
  ])('refuses an alias starting with _cp (%s) as BAD_USER_INPUT', async (_label, query) => {
    const res = await hubPost(federation.hubUrl, CLAIRE, query);
    expect(res.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT', field: 'query' } }] });
  });
});

describe('myChildren', () => {
  const names = (...firstNames: string[]) => firstNames.map((firstName) => ({ firstName }));
  it.each([
    [CLAIRE, names('Léa', 'Noah')],
    ['agent-pmi-hugo', names('Inès')],
    [AMINA, names('Sacha', 'Léa', 'Noah')],
    ['agent-ase-julien', names('Inès', 'Léa')],
    ['agent-ase-nathalie', names('Inès', 'Sacha', 'Léa')],
    ['agent-crip-karim', names('Sacha')],
    ['agent-tj-helene', names('Inès', 'Léa')],
    ['agent-dpo-marc', []],
  ] as const)('lists, for %s, only the children of a care relationship, by last name', async (as, expected) => {
    const res = await hubPost(federation.hubUrl, as, `query Mine { myChildren { firstName } }`);
    expect(res.body).toEqual({ data: { myChildren: expected } });
  });
});

describe('a write whose child is named out of the guard’s plain sight', () => {
  const VISIT = (selection: string) => `mutation Visit($input: RecordHomeVisitInput!) ${selection}`;
  const input = (key: string) => ({ input: { idempotencyKey: key, childId: 'child-ines', visitedOn: parisDay(-1), notes: `Visite fictive ${key}.` } });
  const VISITS = `query Visits { child(id: "child-ines") { healthRecord { visits { notes } } } }`;

  // Claire does not follow Inès: the guard answers before the PMI service is asked, as it
  // does for the mutation written at the top.
  it.each([
    ['an inline fragment', VISIT('{ ... on Mutation { recordHomeVisit(input: $input) { id notes } } }')],
    ['a named fragment', `${VISIT('{ ...W }')} fragment W on Mutation { recordHomeVisit(input: $input) { id notes } }`],
    ['nested inline fragments', VISIT('{ ... on Mutation { ... { recordHomeVisit(input: $input) { id } } } }')],
    // Defaults: the variables sent are empty, the values the operation runs with are not.
    ['a default for the whole input', 'DEFAULT_INPUT'],
    ['a default for the child id', 'DEFAULT_CHILD'],
  ])('is guarded as at the top: %s', async (label, template) => {
    const key = `enforcement-visit-${label.replace(/ /g, '-')}`;
    const literal = `{ idempotencyKey: "${key}", childId: "child-ines", visitedOn: "${parisDay(-1)}", notes: "Visite fictive ${key}." }`;
    const [query, variables] =
      template === 'DEFAULT_INPUT'
        ? [`mutation Visit($input: RecordHomeVisitInput! = ${literal}) { recordHomeVisit(input: $input) { id notes } }`, {}]
        : template === 'DEFAULT_CHILD'
          ? [`mutation Visit($child: ID! = "child-ines") { recordHomeVisit(input: ${literal.replace('"child-ines"', '$child')}) { id notes } }`, {}]
          : [template, input(key)];
    const direct = await hubPost(federation.hubUrl, CLAIRE, VISIT('{ recordHomeVisit(input: $input) { id notes } }'), input(`${key}-direct`));
    const wrapped = await hubPost(federation.hubUrl, CLAIRE, query, variables);
    expect(direct.body).toEqual({ errors: [{ message: 'Child not found', extensions: { code: 'NOT_FOUND', field: 'input.childId' } }] });
    expect(wrapped.body).toEqual(direct.body);
    // Nothing was written: Hugo, who follows Inès, sees no visit with either note.
    const visits = await hubPost<{ child: { healthRecord: { visits: Array<{ notes: string }> } | null } }>(federation.hubUrl, 'agent-pmi-hugo', VISITS);
    expect(visits.body.data?.child?.healthRecord).not.toBeNull();
    expect(JSON.stringify(visits.body)).not.toContain(key);
  });
});

describe('an operation name the document does not have', () => {
  it.each([
    ['an anonymous operation', '{ me { id } }'],
    ['a named one', 'query Mine { me { id } }'],
  ])('is answered "Unknown operation name" (400), for %s', async (_label, query) => {
    const res = await hubPost(federation.hubUrl, CLAIRE, query, {}, 'Nope');
    expect(res).toEqual({ status: 400, body: { errors: [{ message: 'Unknown operation name', extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }] } });
  });
});

describe('a child named by an integer literal (an ID all the same)', () => {
  it.each([
    ['openDossier', 'agent-ase-nathalie', `mutation { openDossier(input: { idempotencyKey: "enforcement-int-dossier", childId: 33612345678, referentId: "agent-ase-julien", openedOn: "${parisDay(-1)}" }) { id } }`],
    ['recordHomeVisit', CLAIRE, `mutation { recordHomeVisit(input: { idempotencyKey: "enforcement-int-visit", childId: 4242, visitedOn: "${parisDay(-1)}", notes: "Visite fictive." }) { id } }`],
  ] as const)('is guarded as a string id: %s of an unknown child is NOT_FOUND', async (_label, as, mutation) => {
    const res = await hubPost(federation.hubUrl, as, mutation);
    expect(res.body).toEqual({ errors: [{ message: 'Child not found', extensions: { code: 'NOT_FOUND', field: 'input.childId' } }] });
  });
});

describe('a write naming more children than any write may', () => {
  const FLAG = `mutation Flag($input: FlagConcernInput!) { flagConcern(input: $input) { id } }`;
  const flag = (childIds: string[]) => ({
    input: { idempotencyKey: `enforcement-many-${childIds.length}`, childIds, category: 'SAFETY', severity: 'LOW', observedAt: parisDay(-1), description: 'Observation fictive.' },
  });

  // Refused before the guard looks any id up: a list of unknown ids used to cost one
  // directory query and one relais call per thousand ids before the relais refused it.
  it('is refused as bad input before any lookup', async () => {
    const unknown = Array.from({ length: 21 }, (_, n) => `child-unknown-${n}`);
    const res = await hubPost(federation.hubUrl, AMINA, FLAG, flag(unknown));
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT', field: 'input.childIds' } }] });
  });

  it('is guarded as usual at the limit', async () => {
    const res = await hubPost(federation.hubUrl, AMINA, FLAG, flag(Array.from({ length: 20 }, (_, n) => `child-unknown-${n}`)));
    expect(res.body).toEqual({ errors: [{ message: 'Child not found', extensions: { code: 'NOT_FOUND', field: 'input.childIds' } }] });
  });
});

describe('the origin of an information préoccupante', () => {
  const READ = `query Origin { child(id: "child-lea") { cripEvaluations { receivedOn origin } } }`;
  // Once: computed again in a test after midnight in Paris, it would be another day.
  const receivedOn = parisDay(-1);
  beforeAll(async () => {
    const res = await hubPost(
      federation.hubUrl,
      'agent-crip-karim',
      `mutation Ip($input: RecordInformationPreoccupanteInput!) { recordInformationPreoccupante(input: $input) { id } }`,
      { input: { idempotencyKey: 'enforcement-ip-lea', childId: 'child-lea', receivedOn, origin: 'RPE', evaluatorId: 'agent-crip-karim' } },
    );
    expect(res.body.errors).toBeUndefined();
  });

  // "Relais petite enfance" all but names who reported: REPORTER_IDENTITY, not PROTECTION_DETAILS.
  it.each(['agent-ase-julien', 'agent-tj-helene'] as const)('is withheld from %s, who sees the rest of the evaluation', async (as) => {
    const res = await hubPost(federation.hubUrl, as, READ);
    expect(res.body).toEqual({
      data: { child: { cripEvaluations: [{ receivedOn, origin: null }] } },
      errors: [err(['child', 'cripEvaluations', 0, 'origin'], 'FORBIDDEN_CATEGORY', 'REPORTER_IDENTITY')],
    });
  });

  it.each(['agent-crip-karim', 'agent-ase-nathalie'] as const)('is released to %s', async (as) => {
    const res = await hubPost(federation.hubUrl, as, READ);
    expect(res.body).toEqual({ data: { child: { cripEvaluations: [{ receivedOn, origin: 'RPE' }] } } });
  });
});

describe('a childminder the relais registers', () => {
  const REGISTER = `mutation Register($input: RegisterChildminderInput!) { registerChildminder(input: $input) { id name agrementNumber capacity relais } }`;
  const input = { idempotencyKey: 'enforcement-childminder-1', name: 'Assistante Fictive', agrementNumber: 'AGR-75-2026-0777', capacity: 3, agrementValidUntil: '2030-12-31' };

  // About no child: her fields go with no child in scope to the relais that registers her.
  it('is returned to it whole, the same on a retry', async () => {
    const res = await hubPost(federation.hubUrl, AMINA, REGISTER, { input });
    expect(res.body).toEqual({ data: { registerChildminder: { id: expect.stringMatching(/^childminder-/), name: 'Assistante Fictive', agrementNumber: 'AGR-75-2026-0777', capacity: 3, relais: 'RPE-75-11' } } });
    expect((await hubPost(federation.hubUrl, AMINA, REGISTER, { input })).body).toEqual(res.body);
  });

  it('is still withheld with the childcare that holds her, from a nurse without consent', async () => {
    const res = await hubPost(federation.hubUrl, CLAIRE, `query Minder { child(id: "child-lea") { childcare { childminder { name } } } }`);
    expect(res.body).toEqual({ data: { child: { childcare: null } }, errors: [err(['child', 'childcare'], 'CONSENT_REQUIRED', 'CHILDCARE')] });
  });
});

describe('registerChild with a retry key', () => {
  const REGISTER = `mutation Register($input: RegisterChildInput!) { registerChild(input: $input) { id } }`;
  const input = (idempotencyKey: string) => ({ input: { idempotencyKey, firstName: 'Enfant', lastName: 'Fictif', birthDate: '2025-01-15' } });

  it('registers one child however often it is retried', async () => {
    const first = await hubPost<{ registerChild: { id: string } }>(federation.hubUrl, AMINA, REGISTER, input('enforcement-register-0001'));
    expect(first.body.data?.registerChild.id).toMatch(/^child-/);
    expect((await hubPost(federation.hubUrl, AMINA, REGISTER, input('enforcement-register-0001'))).body).toEqual(first.body);
  });

  // The demo children were registered under `seed-<id>`: the key must not name Inès.
  it('is refused as CONFLICT when the key was used for another child, naming none', async () => {
    const res = await hubPost(federation.hubUrl, AMINA, REGISTER, input('seed-child-ines'));
    expect(res.body).toEqual({ data: null, errors: [{ message: expect.any(String), path: ['registerChild'], extensions: { code: 'CONFLICT' } }] });
  });
});

/** Kept last: a bug may leave Amina with a relationship the tests above do not expect. */
describe('a care relationship cannot be created by naming a child', () => {
  it('a relais reporting on a child it does not care for learns nothing of it, then or after', async () => {
    const res = await hubPost(
      federation.hubUrl,
      AMINA,
      `mutation Flag($input: FlagConcernInput!) { flagConcern(input: $input) { id children { id firstName lastName birthDate } } }`,
      { input: { idempotencyKey: 'enforcement-flag-ines', childIds: ['child-ines'], category: 'OTHER', severity: 'LOW', observedAt: parisDay(-1), description: 'Constat fictif.' } },
    );
    expect(JSON.stringify(res.body)).not.toMatch(/Inès|Garcia|2021-06-20/);
    const after = await hubPost(federation.hubUrl, AMINA, `query After { child(id: "child-ines") { firstName childcare { id } } }`);
    expect(after.body).toEqual({ data: { child: null }, errors: [{ message: 'Child not found', path: ['child'], extensions: { code: 'NOT_FOUND' } }] });
  });
});
