import { hubPost } from '../support/hub-client';
import { startTestFederation, type TestFederation } from '../support/in-process-federation';
import type { DemoAgentId } from '../support/tokens';
import { parisDay } from './policy-oracle';

/**
 * Journey 2 (issue 4): a relais coordinator flags a concern at a childminder's; it reaches
 * the CRIP, which moves it SUBMITTED → ACKNOWLEDGED → UNDER_EVALUATION → CLOSED, one step
 * at a time; the relais follows the status and never learns the child's protection status.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const AMINA = 'agent-rpe-amina';
const KARIM = 'agent-crip-karim';
const AMINA_CONTACT = { name: 'Amina Diallo', institution: 'RPE-75-11' };
const SEEDED = { id: 'concern-sacha-1', status: 'UNDER_EVALUATION', severity: 'HIGH', feedbackDueBy: '2027-01-27', raisedBy: AMINA_CONTACT };

const INPUT = {
  idempotencyKey: 'journey-concern-noah-0001',
  childIds: ['child-noah'],
  childminderId: 'childminder-sophie',
  category: 'SAFETY',
  severity: 'URGENT',
  observedAt: parisDay(-3),
  description: 'Portail du jardin laissé ouvert sur la rue pendant la sieste (texte fictif).',
};
const FLAG = `mutation Flag($input: FlagConcernInput!) {
  flagConcern(input: $input) { id status category severity observedAt raisedAt feedbackDueBy description raisedBy { name institution } children { id } childminder { id name } }
}`;
const INBOX = `query Inbox { concernsInbox { id status severity feedbackDueBy raisedBy { name institution } } }`;
const RELAIS = `query Mine { myRelaisConcerns { id status children { id protectionStatus { level } } } }`;
const TRANSITION_FIELDS = 'id status acknowledgedAt evaluationStartedAt closedAt outcome';
const MOVES = {
  acknowledgeConcern: `mutation Move($id: ID!) { acknowledgeConcern(id: $id) { ${TRANSITION_FIELDS} } }`,
  startConcernEvaluation: `mutation Move($id: ID!) { startConcernEvaluation(id: $id) { ${TRANSITION_FIELDS} } }`,
  closeConcern: `mutation Move($id: ID!, $outcome: String!) { closeConcern(id: $id, outcome: $outcome) { ${TRANSITION_FIELDS} } }`,
} as const;
type Move = keyof typeof MOVES;
const OUTCOME = 'Évaluation conduite, accompagnement de l’assistante maternelle par le relais (texte fictif).';

/** `day` + 3 calendar months, clamped to the month's end: the test's own arithmetic. */
function plusThreeMonths(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, month + 2 + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month + 2, Math.min(date, lastDay))).toISOString().slice(0, 10);
}
const parisDayOf = (instant: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(instant));

let concernId = '';
let feedbackDue = '';
const move = (action: Move, as: DemoAgentId = KARIM) => hubPost(federation.hubUrl, as, MOVES[action], { id: concernId, outcome: OUTCOME });
const inbox = async (as: DemoAgentId = KARIM) => (await hubPost(federation.hubUrl, as, INBOX)).body;
const conflict = (field: Move) => ({ data: null, errors: [{ message: expect.any(String), path: [field], extensions: { code: 'CONFLICT' } }] });
const forbidden = { errors: [{ message: expect.any(String), extensions: { code: 'FORBIDDEN' } }] };

/** Amina's follow-up list: the status moves, the children's protection status never shows. */
async function expectRelaisView(status: string): Promise<void> {
  const res = await hubPost(federation.hubUrl, AMINA, RELAIS);
  const hidden = (index: number) => ({
    message: expect.any(String),
    path: ['myRelaisConcerns', index, 'children', 0, 'protectionStatus'],
    extensions: { code: 'FORBIDDEN_CATEGORY', category: 'PROTECTION_STATUS' },
  });
  expect(res.body).toEqual({
    data: {
      myRelaisConcerns: [
        { id: concernId, status, children: [{ id: 'child-noah', protectionStatus: null }] },
        { id: 'concern-sacha-1', status: 'UNDER_EVALUATION', children: [{ id: 'child-sacha', protectionStatus: null }] },
      ],
    },
    errors: [hidden(0), hidden(1)],
  });
}

describe('flagConcern, as the relais coordinator', () => {
  it('records one SUBMITTED concern, answer owed in 3 months, however many times the same key is sent at once', async () => {
    type Flagged = { flagConcern: { id: string; raisedAt: string } };
    const answers = await Promise.all(Array.from({ length: 5 }, () => hubPost<Flagged>(federation.hubUrl, AMINA, FLAG, { input: INPUT })));
    const [first] = answers.map((answer) => answer.body);
    if (!first.data) throw new Error(`flagConcern failed: ${JSON.stringify(first)}`);
    concernId = first.data.flagConcern.id;
    feedbackDue = plusThreeMonths(parisDayOf(first.data.flagConcern.raisedAt));
    expect(first).toEqual({
      data: {
        flagConcern: {
          id: expect.stringMatching(/^concern-/),
          status: 'SUBMITTED',
          category: 'SAFETY',
          severity: 'URGENT',
          observedAt: INPUT.observedAt,
          raisedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          feedbackDueBy: feedbackDue,
          description: INPUT.description,
          raisedBy: AMINA_CONTACT,
          children: [{ id: 'child-noah' }],
          childminder: { id: 'childminder-sophie', name: 'Sophie Bernard' },
        },
      },
    });
    expect(answers.map((answer) => answer.body)).toEqual(Array.from({ length: 5 }, () => first));
  });

  it.each([
    ['no child', { childIds: [] }, 'input.childIds'],
    ['an observation in the future', { observedAt: parisDay(2) }, 'input.observedAt'],
    ['a blank description', { description: '   \n ' }, 'input.description'],
    ['an unknown childminder', { childminderId: 'childminder-nobody' }, 'input.childminderId'],
    ['an idempotency key that is not one', { idempotencyKey: 'bad key!' }, 'input.idempotencyKey'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and stores nothing', async (_label, change, field) => {
    const before = await inbox();
    const res = await hubPost(federation.hubUrl, AMINA, FLAG, { input: { ...INPUT, idempotencyKey: `journey-invalid-${field.slice(6)}`, ...change } });
    expect(res.body).toEqual({ data: null, errors: [{ message: expect.any(String), path: ['flagConcern'], extensions: { code: 'BAD_USER_INPUT', field } }] });
    expect(await inbox()).toEqual(before);
  });
});

describe('concernsInbox', () => {
  const expected = () => ({
    data: {
      concernsInbox: [
        { id: concernId, status: 'SUBMITTED', severity: 'URGENT', feedbackDueBy: feedbackDue, raisedBy: AMINA_CONTACT },
        SEEDED,
      ],
    },
  });
  it.each([
    ['the CRIP evaluator', KARIM],
    ['the ASE head', 'agent-ase-nathalie'],
  ] as const)('lists it once, urgent first, with who raised it, for %s', async (_label, as) => {
    expect(await inbox(as)).toEqual(expected());
  });

  it('is FORBIDDEN to a PMI nurse', async () => {
    expect(await inbox('agent-pmi-claire')).toEqual(forbidden);
  });
});

describe('the CRIP moves the concern one step at a time', () => {
  it('refuses to skip ahead from SUBMITTED (CONFLICT), and Amina sees it SUBMITTED', async () => {
    for (const action of ['startConcernEvaluation', 'closeConcern'] as const) expect((await move(action)).body).toEqual(conflict(action));
    await expectRelaisView('SUBMITTED');
  });

  it('lets no relais coordinator acknowledge (FORBIDDEN)', async () => {
    expect((await move('acknowledgeConcern', AMINA)).body).toEqual(forbidden);
    await expectRelaisView('SUBMITTED');
  });

  const at = expect.stringMatching(/^\d{4}-\d\d-\d\dT/);
  it.each([
    ['acknowledgeConcern', { status: 'ACKNOWLEDGED', acknowledgedAt: at, evaluationStartedAt: null, closedAt: null, outcome: null }, ['closeConcern']],
    ['startConcernEvaluation', { status: 'UNDER_EVALUATION', acknowledgedAt: at, evaluationStartedAt: at, closedAt: null, outcome: null }, ['acknowledgeConcern']],
    ['closeConcern', { status: 'CLOSED', acknowledgedAt: at, evaluationStartedAt: at, closedAt: at, outcome: OUTCOME }, ['acknowledgeConcern', 'startConcernEvaluation']],
  ] as const)('%s, timestamped; the same request again gets the same answer; skipping or going back is a CONFLICT', async (action, expected, illegal) => {
    const res = await move(action);
    expect(res.body).toEqual({ data: { [action]: { id: concernId, ...expected } } });
    // A client whose answer was lost sends the same request again and learns its write was made.
    expect((await move(action)).body).toEqual(res.body);
    expect((await move(action, AMINA)).body).toEqual(forbidden);
    for (const other of illegal) expect((await move(other)).body).toEqual(conflict(other));
    await expectRelaisView(expected.status);
  });

  it('refuses closing again with another outcome (CONFLICT), keeping the first', async () => {
    const res = await hubPost(federation.hubUrl, KARIM, MOVES.closeConcern, { id: concernId, outcome: 'Une autre réponse (texte fictif).' });
    expect(res.body).toEqual(conflict('closeConcern'));
    expect((await move('closeConcern')).body).toMatchObject({ data: { closeConcern: { status: 'CLOSED', outcome: OUTCOME } } });
  });

  it('stamps each step, in order', async () => {
    const res = await hubPost<{ concernsInbox: Array<{ id: string; acknowledgedAt: string; evaluationStartedAt: string; closedAt: string; raisedAt: string }> }>(
      federation.hubUrl,
      KARIM,
      `query Stamps { concernsInbox(status: CLOSED) { id raisedAt acknowledgedAt evaluationStartedAt closedAt } }`,
    );
    const closedOnes = res.body.data?.concernsInbox ?? [];
    expect(closedOnes.map((concern) => concern.id)).toEqual([concernId]);
    const [closed] = closedOnes;
    const stamps = [closed.raisedAt, closed.acknowledgedAt, closed.evaluationStartedAt, closed.closedAt].map(Date.parse);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
  });
});

describe('a judge without relationship', () => {
  it('gets NOT_FOUND for the child the concern is about', async () => {
    const res = await hubPost(federation.hubUrl, 'agent-tj-helene', `query Noah { child(id: "child-noah") { id firstName concerns { id } } }`);
    expect(res.body).toEqual({ data: { child: null }, errors: [{ message: 'Child not found', path: ['child'], extensions: { code: 'NOT_FOUND' } }] });
  });
});
