import { Role } from '../../common/src/domain';
import { hubPost } from '../support/hub-client';
import { startTestFederation, type TestFederation } from '../support/in-process-federation';
import { clearOfParisMidnight } from '../support/paris-day';
import type { DemoAgentId } from '../support/tokens';
import { relateThroughAConcern, signedAgent } from './other-departement';
import { parisDay } from './policy-oracle';

/**
 * C cells of the table: released only while a valid, unrevoked consent covers the category
 * for the viewer's role, from the very next request after it is recorded or revoked.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const JULIEN = 'agent-ase-julien';
const CLAIRE = 'agent-pmi-claire';
const LEA_CHECKS = ['check-lea-month24', 'check-lea-month9', 'check-lea-day8'].map((id) => ({ id }));

const HEALTH = `query Health { child(id: "child-lea") { healthRecord { checks { id } } } }`;
const CHILDCARE = `query Childcare { child(id: "child-lea") { childcare { id } } }`;
const RECORD = `mutation Record($input: ConsentInput!) {
  recordConsent(input: $input) { id childId categories recipientRole grantedBy validFrom validUntil revokedAt }
}`;
const REVOKE = `mutation Revoke($id: ID!) { revokeConsent(id: $id) { id revokedAt } }`;
const CONSENTS = `query Consents { consents(childId: "child-lea") { id } }`;

interface ConsentInput { childId: string; categories: string[]; recipientRole: string; grantedBy: string; validFrom: string; validUntil?: string | null; idempotencyKey?: string }
const consent = (overrides: Partial<ConsentInput> = {}): ConsentInput => ({
  childId: 'child-lea',
  categories: ['HEALTH_DETAILS'],
  recipientRole: 'ASE_REFERENT',
  grantedBy: 'mère, titulaire de l’autorité parentale',
  validFrom: parisDay(0),
  ...overrides,
});

async function record(input: ConsentInput, as: DemoAgentId = JULIEN): Promise<string> {
  const res = await hubPost<{ recordConsent: { id: string } }>(federation.hubUrl, as, RECORD, { input });
  const id = res.body.data?.recordConsent.id;
  if (!id) throw new Error(`recordConsent failed: ${JSON.stringify(res.body)}`);
  return id;
}
async function revoke(id: string): Promise<void> {
  const res = await hubPost(federation.hubUrl, JULIEN, REVOKE, { id });
  expect(res.body).toEqual({ data: { revokeConsent: { id, revokedAt: expect.any(String) } } });
}
async function consentIds(): Promise<string[]> {
  const res = await hubPost<{ consents: Array<{ id: string }> }>(federation.hubUrl, JULIEN, CONSENTS);
  return (res.body.data?.consents ?? []).map((row) => row.id).sort();
}

const healthRequired = {
  data: { child: { healthRecord: null } },
  errors: [{ message: expect.any(String), path: ['child', 'healthRecord'], extensions: { code: 'CONSENT_REQUIRED', category: 'HEALTH_DETAILS' } }],
};
const healthReleased = { data: { child: { healthRecord: { checks: LEA_CHECKS } } } };

describe('a consent on HEALTH_DETAILS for the ASE référent', () => {
  it('is required before Julien sees Léa’s health checks', async () => {
    expect((await hubPost(federation.hubUrl, JULIEN, HEALTH)).body).toEqual(healthRequired);
  });

  it('opens them on the next request, and its revocation closes them on the very next one', async () => {
    const input = consent();
    const id = await record(input, JULIEN);
    expect((await hubPost(federation.hubUrl, JULIEN, HEALTH)).body).toEqual(healthReleased);

    await revoke(id);
    expect((await hubPost(federation.hubUrl, JULIEN, HEALTH)).body).toEqual(healthRequired);
  });

  it('is returned as recorded by recordConsent', async () => {
    const input = consent({ validUntil: parisDay(30) });
    const res = await hubPost(federation.hubUrl, JULIEN, RECORD, { input });
    expect(res.body).toEqual({
      data: { recordConsent: { id: expect.stringMatching(/^[0-9a-f-]{36}$/), ...input, revokedAt: null } },
    });
    await revoke((res.body.data as { recordConsent: { id: string } }).recordConsent.id);
  });

  // The days are computed when the test runs, clear of midnight: computed when the file is
  // loaded (seconds earlier), "tomorrow" would be today in a run crossing midnight in Paris,
  // and the consent would count.
  it.each([
    ['that starts tomorrow', () => ({ validFrom: parisDay(1) })],
    ['that starts next month', () => ({ validFrom: parisDay(30), validUntil: parisDay(60) })],
    ['that ended yesterday', () => ({ validFrom: parisDay(-30), validUntil: parisDay(-1) })],
    ['given for another role', () => ({ recipientRole: 'ASE_MANAGER' })],
    ['given for another category', () => ({ categories: ['PROTECTION_DETAILS'] })],
  ])('does not count when %s', async (_label, overrides) => {
    await clearOfParisMidnight();
    const id = await record(consent(overrides()));
    expect((await hubPost(federation.hubUrl, JULIEN, HEALTH)).body).toEqual(healthRequired);
    await revoke(id);
  });

  it('counts on its last day', async () => {
    // Past midnight, its last day would be yesterday by the time Julien reads.
    await clearOfParisMidnight();
    const id = await record(consent({ validFrom: parisDay(-30), validUntil: parisDay(0) }));
    expect((await hubPost(federation.hubUrl, JULIEN, HEALTH)).body).toEqual(healthReleased);
    await revoke(id);
  });
});

describe('a consent on CHILDCARE for the PMI nurse', () => {
  it('lets Claire see Léa’s childcare, and only while it stands', async () => {
    expect((await hubPost(federation.hubUrl, CLAIRE, CHILDCARE)).body).toEqual({
      data: { child: { childcare: null } },
      errors: [{ message: expect.any(String), path: ['child', 'childcare'], extensions: { code: 'CONSENT_REQUIRED', category: 'CHILDCARE' } }],
    });
    const id = await record(consent({ categories: ['CHILDCARE'], recipientRole: 'PMI_NURSE' }));
    expect((await hubPost(federation.hubUrl, CLAIRE, CHILDCARE)).body).toEqual({ data: { child: { childcare: [{ id: 'arrangement-lea' }] } } });
    // A consent is given for one child: Noah's childcare stays closed.
    const noah = await hubPost(federation.hubUrl, CLAIRE, `query N { child(id: "child-noah") { childcare { id } } }`);
    expect(noah.body.errors?.map((error) => error.extensions?.code)).toEqual(['CONSENT_REQUIRED']);
    await revoke(id);
  });
});

describe('recordConsent refuses', () => {
  it.each([
    ['a never-visible category for the role', JULIEN, consent({ categories: ['PLACEMENT_LOCATION'], recipientRole: 'PMI_NURSE' }), { code: 'BAD_USER_INPUT', field: 'input.categories' }],
    ['a D category among allowed ones', JULIEN, consent({ categories: ['HEALTH_DETAILS', 'COURT_DECISION'], recipientRole: 'RPE_COORDINATOR' }), { code: 'BAD_USER_INPUT', field: 'input.categories' }],
    ['a period that ends before it starts', JULIEN, consent({ validFrom: parisDay(0), validUntil: parisDay(-1) }), { code: 'BAD_USER_INPUT', field: 'input.validUntil' }],
    // The input's own validation (class-validator) names the field as the resolver's checks do.
    ['no category at all', JULIEN, consent({ categories: [] }), { code: 'BAD_USER_INPUT', field: 'input.categories' }],
    ['a parent named in 500 characters', JULIEN, consent({ grantedBy: 'P'.repeat(500) }), { code: 'BAD_USER_INPUT', field: 'input.grantedBy' }],
    ['a child the référent does not work with', JULIEN, consent({ childId: 'child-noah' }), { code: 'NOT_FOUND' }],
    ['a child that does not exist', JULIEN, consent({ childId: 'child-nobody' }), { code: 'NOT_FOUND' }],
    ['a PMI nurse', CLAIRE, consent(), { code: 'FORBIDDEN' }],
    ['a relais coordinator', 'agent-rpe-amina', consent(), { code: 'FORBIDDEN' }],
    ['the DPO', 'agent-dpo-marc', consent(), { code: 'FORBIDDEN' }],
  ] as const)('%s, and records nothing', async (_label, as, input, extensions) => {
    const before = await consentIds();
    const res = await hubPost(federation.hubUrl, as, RECORD, { input });
    const path = extensions.code === 'FORBIDDEN' ? {} : { path: ['recordConsent'] };
    expect(res.body).toEqual({ ...(extensions.code === 'FORBIDDEN' ? {} : { data: null }), errors: [{ message: expect.any(String), ...path, extensions }] });
    expect(await consentIds()).toEqual(before);
  });
});

describe('recordConsent with a retry key', () => {
  const KEY = 'consent-retry-sacha-0001';
  const sacha = consent({ childId: 'child-sacha', categories: ['CHILDCARE'], recipientRole: 'PMI_NURSE', idempotencyKey: KEY });

  it('records one consent however often it is retried', async () => {
    const first = await record(sacha, 'agent-ase-nathalie');
    expect(await record(sacha, 'agent-ase-nathalie')).toBe(first);
  });

  it.each([
    // Julien works with Inès, not with Sacha: the key must not hand him Sacha's consent.
    ['for another child', JULIEN, consent({ childId: 'child-ines', idempotencyKey: KEY })],
    ['for the same child with other content', 'agent-ase-nathalie', { ...sacha, categories: ['CHILDCARE', 'HEALTH_DETAILS'] }],
  ] as const)('is refused as CONFLICT when already used %s, and hands nothing over', async (_label, as, input) => {
    const res = await hubPost(federation.hubUrl, as, RECORD, { input });
    expect(res.body).toEqual({ data: null, errors: [{ message: expect.any(String), path: ['recordConsent'], extensions: { code: 'CONFLICT' } }] });
  });
});

describe('recordConsent without a retry key', () => {
  // DESIGN.md's ConsentInput has no key: a retry is known by its content.
  it('returns the same standing consent when retried, and records it once', async () => {
    const input = consent({ childId: 'child-ines', categories: ['HEALTH_DETAILS'], recipientRole: 'ASE_MANAGER', grantedBy: 'père (fictif)' });
    const first = await record(input);
    expect(await record(input)).toBe(first);
    const listed = await hubPost<{ consents: Array<{ id: string }> }>(federation.hubUrl, JULIEN, `query { consents(childId: "child-ines") { id grantedBy recipientRole } }`);
    expect(listed.body.data?.consents.filter((row) => row.id === first)).toHaveLength(1);
    expect(JSON.stringify(listed.body).split('père (fictif)').length - 1).toBe(1);
    // Once revoked, the same content is a new consent.
    await revoke(first);
    expect(await record(input)).not.toBe(first);
  });
});

describe('revokeConsent', () => {
  const NATHALIE = 'agent-ase-nathalie';
  const sachaConsent = consent({ childId: 'child-sacha', recipientRole: 'ASE_MANAGER' });
  const revokedAt = async (id: string) => {
    const res = await hubPost<{ consents: Array<{ id: string; revokedAt: string | null }> }>(
      federation.hubUrl, NATHALIE, `query C { consents(childId: "child-sacha") { id revokedAt } }`,
    );
    return res.body.data?.consents.find((row) => row.id === id)?.revokedAt;
  };

  it.each([
    ['by a référent who does not work with the child', JULIEN, { data: null, errors: [{ message: expect.any(String), path: ['revokeConsent'], extensions: { code: 'NOT_FOUND' } }] }],
    ['by a role that may not call it', CLAIRE, { errors: [{ message: expect.any(String), extensions: { code: 'FORBIDDEN' } }] }],
  ] as const)('is refused %s, and revokes nothing', async (_label, as, expected) => {
    const id = await record(sachaConsent, NATHALIE);
    expect((await hubPost(federation.hubUrl, as, REVOKE, { id })).body).toEqual(expected);
    expect(await revokedAt(id)).toBeNull();
    expect((await hubPost(federation.hubUrl, NATHALIE, REVOKE, { id })).body).toEqual({ data: { revokeConsent: { id, revokedAt: expect.any(String) } } });
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const res = await hubPost(federation.hubUrl, JULIEN, REVOKE, { id: '00000000-0000-4000-8000-000000000000' });
    expect(res.body).toEqual({ data: null, errors: [{ message: expect.any(String), path: ['revokeConsent'], extensions: { code: 'NOT_FOUND' } }] });
  });
});

// The parents' consents are the ASE's casework on its own file: an ASE head of another
// département who knows the child only from a relais's concern of her département may read
// what the table gives her of the child, but neither record, revoke nor list its consents.
describe('consents, for an ASE head who knows the child only from a relais’s concern', () => {
  let marseilleHead: { authorization: string };
  let juliensConsent: string;
  beforeAll(async () => {
    marseilleHead = await signedAgent('agent-ase-13-head', Role.ASE_MANAGER, 'ASE-13');
    await relateThroughAConcern(federation.hubUrl, 'RPE-13-01', 'consent-13', 'AGR-13-2024-0001');
    juliensConsent = await record(consent({ categories: ['PROTECTION_DETAILS'], recipientRole: 'PMI_NURSE', idempotencyKey: 'consent-13-julien' }));
  });

  it('is a relationship with the child: she reads Léa’s identity', async () => {
    const res = await hubPost(federation.hubUrl, marseilleHead, `query I { child(id: "child-lea") { firstName } }`);
    expect(res.body).toEqual({ data: { child: { firstName: 'Léa' } } });
  });

  const notFound = (path: string) => ({ data: null, errors: [{ message: expect.any(String), path: [path], extensions: { code: 'NOT_FOUND' } }] });
  it('does not let her record a consent, and records none', async () => {
    const before = await consentIds();
    const res = await hubPost(federation.hubUrl, marseilleHead, RECORD, { input: consent({ categories: ['PROTECTION_DETAILS'], recipientRole: 'PMI_NURSE' }) });
    expect(res.body).toEqual(notFound('recordConsent'));
    expect(await consentIds()).toEqual(before);
  });

  it('does not let her revoke the référent’s consent, nor list the consents', async () => {
    expect((await hubPost(federation.hubUrl, marseilleHead, REVOKE, { id: juliensConsent })).body).toEqual(notFound('revokeConsent'));
    expect((await hubPost(federation.hubUrl, marseilleHead, CONSENTS)).body).toEqual(notFound('consents'));
    expect(await consentIds()).toContain(juliensConsent);
    const standing = await hubPost<{ consents: Array<{ id: string; revokedAt: string | null }> }>(federation.hubUrl, JULIEN, `query C { consents(childId: "child-lea") { id revokedAt } }`);
    expect(standing.body.data?.consents.find((row) => row.id === juliensConsent)?.revokedAt).toBeNull();
  });
});

// The same ASE head, related to Léa only through her relais's concern, may not write into
// Paris's file either: a measure added to Léa's ASE-75 dossier would tell Paris nurses and
// the judge of a measure Paris never took.
describe('ASE writes, for an ASE head who knows the child only from a relais’s concern', () => {
  const MEASURES = `query M { child(id: "child-lea") { dossier { measures { id } } } }`;
  it('does not let her add a measure to Léa’s Paris dossier, and adds none', async () => {
    const head = await signedAgent('agent-ase-13-head-2', Role.ASE_MANAGER, 'ASE-13');
    await relateThroughAConcern(federation.hubUrl, 'RPE-13-02', 'measure-13', 'AGR-13-2024-0002');
    const before = await hubPost(federation.hubUrl, JULIEN, MEASURES);
    const res = await hubPost(federation.hubUrl, head, `mutation Add($input: AddMeasureInput!) { addMeasure(input: $input) { id } }`, {
      input: { idempotencyKey: 'measure-13-aed', childId: 'child-lea', kind: 'AED', startDate: parisDay(0) },
    });
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors).toHaveLength(1);
    expect((await hubPost(federation.hubUrl, JULIEN, MEASURES)).body).toEqual(before.body);
  });
});
