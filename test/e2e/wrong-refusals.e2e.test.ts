import { Role } from '../../common/src/domain';
import { hubPost } from '../support/hub-client';
import { startTestFederation, type TestFederation } from '../support/in-process-federation';
import { signedAgent } from './other-departement';
import { parisDay } from './policy-oracle';

/**
 * Legitimate requests the hub must answer: "a wrong refusal leaves a child unprotected".
 * Writes that end the writer's own care relationship, and realistic reads nesting a few
 * lists, must not be refused.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const CLAIRE = 'agent-pmi-claire';
const AMINA = 'agent-rpe-amina';
const JULIEN = 'agent-ase-julien';
const KARIM = 'agent-crip-karim';

/** Amina's relais places Inès with Sophie from `startDate`; the arrangement's id. */
async function placeInes(idempotencyKey: string, startDate: string): Promise<string> {
  const registered = await hubPost<{ registerChildcareArrangement: { id: string } }>(
    federation.hubUrl,
    AMINA,
    `mutation Register($input: RegisterChildcareArrangementInput!) { registerChildcareArrangement(input: $input) { id } }`,
    { input: { idempotencyKey, childId: 'child-ines', childminderId: 'childminder-sophie', startDate, schedule: 'mer. 8h30–17h30' } },
  );
  const id = registered.body.data?.registerChildcareArrangement.id;
  expect(id).toMatch(/^arrangement-/);
  return id as string;
}

// Each test computes its days once: a day computed again after midnight in Paris would be
// another day, and the retry another request (CONFLICT), the answer not the one expected.
describe('a write that ends the writer’s own care relationship', () => {
  it('gives the nurse who closes her follow-up the closed follow-up, not NEED_TO_KNOW, and again on an identical retry', async () => {
    const yesterday = parisDay(-1);
    const started = await hubPost<{ startFollowUp: { id: string } }>(
      federation.hubUrl,
      CLAIRE,
      `mutation Start($input: StartFollowUpInput!) { startFollowUp(input: $input) { id status } }`,
      { input: { idempotencyKey: 'wrong-refusal-followup-sacha', childId: 'child-sacha', nurseId: CLAIRE, since: parisDay(-30) } },
    );
    expect(started.body).toEqual({ data: { startFollowUp: { id: expect.stringMatching(/^followup-/), status: 'ACTIVE' } } });
    const id = started.body.data?.startFollowUp.id;
    const close = `mutation Close($input: CloseFollowUpInput!) { closeFollowUp(input: $input) { id status closedOn } }`;
    const closed = await hubPost(federation.hubUrl, CLAIRE, close, { input: { followUpId: id, closedOn: yesterday } });
    expect(closed.body).toEqual({ data: { closeFollowUp: { id, status: 'CLOSED', closedOn: yesterday } } });
    // Her answer was lost: the same request again gets the same answer, though the first call
    // ended the relationship.
    expect((await hubPost(federation.hubUrl, CLAIRE, close, { input: { followUpId: id, closedOn: yesterday } })).body).toEqual(closed.body);
    // The relationship has ended: from the next request on, Sacha is not hers.
    const after = await hubPost(federation.hubUrl, CLAIRE, `query After { child(id: "child-sacha") { firstName } }`);
    expect(after.body).toEqual({ data: { child: null }, errors: [{ message: 'Child not found', path: ['child'], extensions: { code: 'NOT_FOUND' } }] });
  });

  it('gives the relais that records the end of an arrangement (yesterday) the ended arrangement, not NEED_TO_KNOW, and again on an identical retry', async () => {
    const [startDate, endDate] = [parisDay(-60), parisDay(-1)];
    const id = await placeInes('wrong-refusal-arrangement-ines', startDate);
    const end = `mutation End($input: EndChildcareArrangementInput!) { endChildcareArrangement(input: $input) { id startDate endDate } }`;
    const ended = await hubPost(federation.hubUrl, AMINA, end, { input: { arrangementId: id, endDate } });
    expect(ended.body).toEqual({ data: { endChildcareArrangement: { id, startDate, endDate } } });
    expect((await hubPost(federation.hubUrl, AMINA, end, { input: { arrangementId: id, endDate } })).body).toEqual(ended.body);
  });

  // The answer to such a write vouches for its record's child (policy-executor.ts,
  // vouchedByOwnWrite) only as the writer's own write or its retry: "ending" an arrangement
  // someone else ended long ago is neither, and the relais no longer relates to the child.
  it('does not give a relais coordinator an arrangement that ended months ago (child no longer related) by “ending” it again on its end date', async () => {
    const [startDate, endDate] = [parisDay(-400), parisDay(-200)];
    const id = await placeInes('vouch-past-arrangement-ines', startDate);
    // Amina records that it ended 200 days ago: the relais no longer relates to Inès.
    const end = `mutation End($input: EndChildcareArrangementInput!) { endChildcareArrangement(input: $input) { id childId startDate endDate schedule childminder { name } } }`;
    const first = await hubPost(federation.hubUrl, AMINA, end, { input: { arrangementId: id, endDate } });
    expect(first.body).toEqual({ data: { endChildcareArrangement: { id, childId: 'child-ines', startDate, endDate, schedule: 'mer. 8h30–17h30', childminder: { name: 'Sophie Bernard' } } } });
    const read = await hubPost(federation.hubUrl, AMINA, `query Read { child(id: "child-ines") { firstName } }`);
    expect(read.body).toEqual({ data: { child: null }, errors: [{ message: 'Child not found', path: ['child'], extensions: { code: 'NOT_FOUND' } }] });
    // A colleague of the same relais, who wrote nothing, "ends" it on the date it ended.
    const colleague = await signedAgent('agent-rpe-colleague', Role.RPE_COORDINATOR, 'RPE-75-11');
    const ended = await hubPost(federation.hubUrl, colleague, end, { input: { arrangementId: id, endDate } });
    expect(JSON.stringify(ended.body)).not.toContain('child-ines');
    expect(JSON.stringify(ended.body)).not.toContain('8h30');
    expect((ended.body.errors ?? []).length).toBeGreaterThan(0);
  });
});

describe('realistic reads nesting a few lists', () => {
  const notTooComplex = (body: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) =>
    expect((body.errors ?? []).map((error) => error.extensions?.code)).not.toContain('QUERY_TOO_COMPLEX');

  it('answers a relais its children’s concerns with the children each concern names', async () => {
    const res = await hubPost<{ myChildren: Array<{ id: string }> }>(
      federation.hubUrl,
      AMINA,
      `query MyChildrenConcerns { myChildren { id firstName childcare { startDate childminder { name } } concerns { id status raisedBy { name } children { id firstName } } } }`,
    );
    notTooComplex(res.body);
    expect(res.status).toBe(200);
    expect(res.body.data?.myChildren.map((child) => child.id).sort()).toEqual(['child-lea', 'child-noah', 'child-sacha']);
  });

  it('answers the CRIP its inbox with each child’s childcare and other concerns', async () => {
    const res = await hubPost<{ concernsInbox: unknown[] }>(
      federation.hubUrl,
      KARIM,
      `query InboxWithChildren { concernsInbox { id status severity children { id firstName childcare { startDate childminder { name } } concerns { id status severity } } } }`,
    );
    notTooComplex(res.body);
    expect(res.status).toBe(200);
    expect(res.body.data?.concernsInbox.length).toBeGreaterThan(0);
  });

  it('answers a référent the whole record of every child of hers in one query', async () => {
    const res = await hubPost<{ myChildren: Array<{ id: string }> }>(
      federation.hubUrl,
      JULIEN,
      `query MyChildrenRecords {
        myChildren {
          id firstName lastName birthDate
          protectionStatus { level since referent { name phone } }
          dossier { openedOn referent { name } measures { kind legalBasis startDate endDate orderedBy } }
          placement { kind since caregiverName address }
          cripEvaluations { receivedOn status outcome evaluator { name } }
          pmiFollowUp { since status nurse { name phone } lastVisitOn }
          childcare { startDate endDate schedule childminder { name agrementNumber } }
          concerns { status category severity observedAt description children { id firstName } }
          courtDecisions { court kind decidedAt effectiveUntil measureOrdered content }
          timeline { events { at source kind summary category } withheld { category count reason } }
        }
      }`,
    );
    notTooComplex(res.body);
    expect(res.status).toBe(200);
    expect(res.body.data?.myChildren.map((child) => child.id).sort()).toEqual(['child-ines', 'child-lea']);
  });
});

describe('a family moving to another département', () => {
  const NATHALIE = 'agent-ase-nathalie';
  const open = `mutation Open($input: OpenDossierInput!) { openDossier(input: $input) { id referent { name institution } } }`;
  const close = `mutation Close($input: CloseDossierInput!) { closeDossier(input: $input) { id openedOn closedOn } }`;
  const notFound = { data: null, errors: [{ message: 'Dossier not found', path: ['closeDossier'], extensions: { code: 'NOT_FOUND', field: 'input.dossierId' } }] };

  // The ASE's directory of its own agents has no write through the hub (as for the demo's).
  beforeAll(async () => {
    await federation.subgraphs.get('ase')?.dataSource.query(
      `INSERT INTO ase_agent (id, name, role, institution, phone, email) VALUES
        ('agent-ase13-referent', 'Référente fictive', 'ASE_REFERENT', 'ASE-13', '04 00 00 00 12', NULL),
        ('agent-ase13-head', 'Direction fictive', 'ASE_MANAGER', 'ASE-13', NULL, NULL)`,
    );
  });

  it('lets the Paris référent close the dossier so that the new département’s ASE can open its own, and the PMI nurse then calls the new référent', async () => {
    const [openedOn, movedOn, today] = [parisDay(-90), parisDay(-1), parisDay(0)];
    const head13 = await signedAgent('agent-ase13-head', Role.ASE_MANAGER, 'ASE-13');
    const referent13 = await signedAgent('agent-ase13-referent', Role.ASE_REFERENT, 'ASE-13');
    // A child of Paris: Claire follows her, Julien is her référent under an AED.
    const registered = await hubPost<{ registerChild: { id: string } }>(federation.hubUrl, NATHALIE, `mutation R($input: RegisterChildInput!) { registerChild(input: $input) { id } }`, {
      input: { idempotencyKey: 'move-child', firstName: 'Lina', lastName: 'Fictive', birthDate: '2024-05-02' },
    });
    const childId = registered.body.data?.registerChild.id as string;
    const dossier = await hubPost<{ openDossier: { id: string } }>(federation.hubUrl, NATHALIE, open, { input: { idempotencyKey: 'move-dossier-75', childId, referentId: JULIEN, openedOn } });
    const dossierId = dossier.body.data?.openDossier.id as string;
    const aed = await hubPost<{ addMeasure: { id: string } }>(federation.hubUrl, JULIEN, `mutation M($input: AddMeasureInput!) { addMeasure(input: $input) { id } }`, {
      input: { idempotencyKey: 'move-aed-75', childId, kind: 'AED', startDate: openedOn },
    });
    const followUp = await hubPost(federation.hubUrl, CLAIRE, `mutation S($input: StartFollowUpInput!) { startFollowUp(input: $input) { id } }`, {
      input: { idempotencyKey: 'move-followup', childId, nurseId: CLAIRE, since: openedOn },
    });
    expect([registered, dossier, aed, followUp].map((response) => response.body.errors)).toEqual([undefined, undefined, undefined, undefined]);

    // The family moves to the Bouches-du-Rhône: ASE-13 cannot open a dossier while Paris's is open.
    const early = await hubPost(federation.hubUrl, head13, open, { input: { idempotencyKey: 'move-dossier-13', childId, referentId: 'agent-ase13-referent', openedOn: today } });
    expect(early.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.childId' });
    // Neither ASE-13 nor another référent may close Paris's dossier (answered as none).
    expect((await hubPost(federation.hubUrl, head13, close, { input: { dossierId, closedOn: movedOn } })).body).toEqual(notFound);
    expect((await hubPost(federation.hubUrl, referent13, close, { input: { dossierId, closedOn: movedOn } })).body).toEqual(notFound);
    // Nor is a dossier closed under a measure still in force.
    const underMeasure = await hubPost(federation.hubUrl, JULIEN, close, { input: { dossierId, closedOn: movedOn } });
    expect(underMeasure.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.closedOn' });

    // Julien ends the AED and closes his dossier: he is answered with it, and again on a retry.
    const ended = await hubPost(federation.hubUrl, JULIEN, `mutation E($input: EndMeasureInput!) { endMeasure(input: $input) { endDate } }`, {
      input: { measureId: aed.body.data?.addMeasure.id, endDate: movedOn },
    });
    expect(ended.body).toEqual({ data: { endMeasure: { endDate: movedOn } } });
    const closed = await hubPost(federation.hubUrl, JULIEN, close, { input: { dossierId, closedOn: movedOn } });
    expect(closed.body).toEqual({ data: { closeDossier: { id: dossierId, openedOn, closedOn: movedOn } } });
    expect((await hubPost(federation.hubUrl, JULIEN, close, { input: { dossierId, closedOn: movedOn } })).body).toEqual(closed.body);
    // The child is no longer his.
    const julienReads = await hubPost(federation.hubUrl, JULIEN, `query J($id: ID!) { child(id: $id) { firstName } }`, { id: childId });
    expect(julienReads.body.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND' });

    // Closed, the dossier is still Paris's history: its ASE head still reads the child.
    const headReads = `query H($id: ID!) { child(id: $id) { firstName dossier { referent { institution } } } }`;
    expect((await hubPost(federation.hubUrl, NATHALIE, headReads, { id: childId })).body).toEqual({ data: { child: { firstName: 'Lina', dossier: { referent: { institution: 'ASE-75' } } } } });

    // ASE-13 opens its dossier, and its référent records the AEMO the new court ordered.
    const opened13 = await hubPost(federation.hubUrl, head13, open, { input: { idempotencyKey: 'move-dossier-13', childId, referentId: 'agent-ase13-referent', openedOn: today } });
    expect(opened13.body).toEqual({ data: { openDossier: { id: expect.stringMatching(/^dossier-/), referent: { name: 'Référente fictive', institution: 'ASE-13' } } } });
    const aemo = await hubPost(federation.hubUrl, referent13, `mutation M($input: AddMeasureInput!) { addMeasure(input: $input) { kind orderedBy } }`, {
      input: { idempotencyKey: 'move-aemo-13', childId, kind: 'AEMO', startDate: today, orderedBy: 'TJ-MARSEILLE' },
    });
    expect(aemo.body).toEqual({ data: { addMeasure: { kind: 'AEMO', orderedBy: 'TJ-MARSEILLE' } } });

    // The child's file is now ASE-13's: the Paris head no longer relates to her (she would
    // read ASE-13's dossier, and later its placement address), ASE-13's head does.
    expect((await hubPost(federation.hubUrl, NATHALIE, headReads, { id: childId })).body.errors?.[0].extensions).toEqual({ code: 'NOT_FOUND' });
    expect((await hubPost(federation.hubUrl, head13, headReads, { id: childId })).body).toEqual({ data: { child: { firstName: 'Lina', dossier: { referent: { institution: 'ASE-13' } } } } });

    // The Paris nurse who still follows the child learns the status and whom to call.
    const nurse = await hubPost(federation.hubUrl, CLAIRE, `query N($id: ID!) { child(id: $id) { protectionStatus { level since referent { name institution phone } } } }`, { id: childId });
    expect(nurse.body).toEqual({
      data: { child: { protectionStatus: { level: 'JUDICIAL_MEASURE', since: today, referent: { name: 'Référente fictive', institution: 'ASE-13', phone: '04 00 00 00 12' } } } },
    });
  });
});
