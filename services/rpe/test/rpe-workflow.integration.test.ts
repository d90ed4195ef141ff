import { Role } from '../../../common/src/domain';
import { startTestSubgraph, type TestSubgraph } from '../../../test/support/start-test-subgraph';
import { parisDay } from '../src/domain/calendar';
import { rpeSubgraph } from '../src/service';
import { amina, call, claire, firstError, helene, julien, karim, lyonCrip, nathalie } from './rpe-fixtures';

let subgraph: TestSubgraph;
const parisCrip2 = { agentId: 'agent-crip-paris-2', role: Role.CRIP_EVALUATOR, institution: 'ASE-75' };
const lyonRelais = { agentId: 'agent-rpe-lyon', role: Role.RPE_COORDINATOR, institution: 'RPE-69-01' };
const today = parisDay(new Date());

const FLAG = `mutation ($input: FlagConcernInput!) { flagConcern(input: $input) { id } }`;
async function flag(key: string, severity: string, viewer = amina, childId = 'child-noah'): Promise<string> {
  const input = { idempotencyKey: key, childIds: [childId], category: 'HYGIENE', severity, observedAt: today, description: 'Constat fictif.' };
  const res = await call<{ flagConcern: { id: string } }>(subgraph, FLAG, { input }, viewer);
  if (!res.body.data) throw new Error(`flag failed: ${JSON.stringify(res.body.errors)}`);
  return res.body.data.flagConcern.id;
}

let urgent: string, medium: string, low: string, lyon: string;
beforeAll(async () => {
  subgraph = await startTestSubgraph(rpeSubgraph);
  await rpeSubgraph.seedDemo(subgraph.dataSource);
  // Sequential: the two non-urgent ones share a deadline and are ordered by raisedAt.
  urgent = await flag('key-inbox-urgent', 'URGENT');
  medium = await flag('key-inbox-medium', 'MEDIUM');
  low = await flag('key-inbox-low', 'LOW');
  // A relais reports only on children its childminders care for.
  await subgraph.dataSource.query(`INSERT INTO childminder (id, name, agrement_number, capacity, relais_id, agrement_valid_until, idempotency_key)
    VALUES ('childminder-lyon', 'Personne Fictive', 'AGR-69-2021-0001', 2, 'RPE-69-01', DATE '2030-01-01', 'key-cm-lyon')`);
  await subgraph.dataSource.query(`INSERT INTO childcare_arrangement (id, child_id, childminder_id, start_date, schedule, idempotency_key)
    VALUES ('arr-lyon', 'child-lyon', 'childminder-lyon', DATE '2025-09-01', 'lun.–ven.', 'key-arr-lyon')`);
  lyon = await flag('key-inbox-lyon', 'URGENT', lyonRelais, 'child-lyon');
});
afterAll(() => subgraph.stop());

describe('concernsInbox', () => {
  const INBOX = `query ($status: ConcernStatus) { concernsInbox(status: $status) { id } }`;

  it.each([
    ['the CRIP evaluator: urgent first, then by deadline, then oldest', karim, null, () => [urgent, 'concern-sacha-1', medium, low]],
    ['the ASE head, filtered by status', nathalie, 'UNDER_EVALUATION', () => ['concern-sacha-1']],
    ['a CRIP evaluator of another département', lyonCrip, null, () => [lyon]],
  ])('lists for %s', async (_label, viewer, status, expected) => {
    const res = await call(subgraph, INBOX, { status }, viewer);
    expect(res.body).toEqual({ data: { concernsInbox: expected().map((id) => ({ id })) } });
  });

  it.each([['a relais coordinator', amina], ['an ASE référent', julien], ['a judge', helene], ['a PMI nurse', claire], ['the hub without an agent', null]])(
    'is FORBIDDEN to %s',
    async (_label, viewer) => {
      const res = await call(subgraph, INBOX, {}, viewer);
      expect(firstError(res.body.errors)).toEqual({ code: 'FORBIDDEN', field: undefined });
    },
  );
});

describe('myRelaisConcerns', () => {
  const MINE = `{ myRelaisConcerns { id } }`;

  it('lists the concerns the relais raised, newest first', async () => {
    const res = await call(subgraph, MINE, {}, amina);
    expect(res.body).toEqual({ data: { myRelaisConcerns: [low, medium, urgent, 'concern-sacha-1'].map((id) => ({ id })) } });
  });

  it.each([['a CRIP evaluator', karim], ['a judge', helene]])('is FORBIDDEN to %s', async (_label, viewer) => {
    const res = await call(subgraph, MINE, {}, viewer);
    expect(firstError(res.body.errors)).toEqual({ code: 'FORBIDDEN', field: undefined });
  });
});

describe('concern status transitions', () => {
  const ACK = `mutation ($id: ID!) { acknowledgeConcern(id: $id) { id status acknowledgedAt evaluationStartedAt closedAt outcome } }`;
  const START = `mutation ($id: ID!) { startConcernEvaluation(id: $id) { id status evaluationStartedAt } }`;
  const CLOSE = `mutation ($id: ID!, $outcome: String!) { closeConcern(id: $id, outcome: $outcome) { id status closedAt outcome } }`;
  const stamps = (id: string) =>
    subgraph.dataSource.query(`SELECT status, acknowledged_by_id, evaluation_started_by_id, closed_by_id, outcome FROM concern WHERE id = $1`, [id]);

  it('moves a concern one step at a time, timestamped and attributed', async () => {
    const id = await flag('key-transition-1', 'HIGH');
    const acked = await call(subgraph, ACK, { id }, karim);
    expect(acked.body).toEqual({
      data: { acknowledgeConcern: { id, status: 'ACKNOWLEDGED', acknowledgedAt: expect.any(String), evaluationStartedAt: null, closedAt: null, outcome: null } },
    });
    const started = await call(subgraph, START, { id }, karim);
    expect(started.body).toEqual({ data: { startConcernEvaluation: { id, status: 'UNDER_EVALUATION', evaluationStartedAt: expect.any(String) } } });
    const closed = await call(subgraph, CLOSE, { id, outcome: '  Évaluation terminée, pas de danger retenu (fictif).  ' }, nathalie);
    expect(closed.body).toEqual({
      data: { closeConcern: { id, status: 'CLOSED', closedAt: expect.any(String), outcome: 'Évaluation terminée, pas de danger retenu (fictif).' } },
    });
    expect(await stamps(id)).toEqual([
      { status: 'CLOSED', acknowledged_by_id: 'agent-crip-karim', evaluation_started_by_id: 'agent-crip-karim', closed_by_id: 'agent-ase-nathalie', outcome: 'Évaluation terminée, pas de danger retenu (fictif).' },
    ]);
  });

  it.each([
    ['closing an acknowledged concern (skipping)', ['ack'], CLOSE],
    ['starting a submitted concern (skipping)', [], START],
    ['acknowledging a concern under evaluation (going back)', ['ack', 'start'], ACK],
    ['starting a closed concern (going back)', ['ack', 'start', 'close'], START],
  ])('refuses %s with CONFLICT, changing nothing', async (label, steps, mutation) => {
    const id = await flag(`key-conflict-${label.replace(/\W+/g, '-')}`, 'LOW');
    for (const step of steps) {
      const res = await call(subgraph, { ack: ACK, start: START, close: CLOSE }[step] ?? '', { id, outcome: 'Classé (fictif).' }, karim);
      expect(res.body.errors).toBeUndefined();
    }
    const before = await stamps(id);
    const res = await call(subgraph, mutation, { id, outcome: 'Autre (fictif).' }, karim);
    expect(firstError(res.body.errors)).toEqual({ code: 'CONFLICT', field: undefined });
    expect(await stamps(id)).toEqual(before);
  });

  it('lets only one of two concurrent acknowledgements by two evaluators win', async () => {
    const id = await flag('key-concurrent-ack', 'LOW');
    const results = await Promise.all([call(subgraph, ACK, { id }, karim), call(subgraph, ACK, { id }, parisCrip2)]);
    expect(results.map((res) => firstError(res.body.errors)?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
  });

  // A client whose answer was lost sends the same request again: it must learn that its
  // write was made, and nothing is written twice. Only exactly the state the call would
  // produce (same step, same agent, same outcome) counts as already done.
  describe('an identical retry', () => {
    const times = (id: string) => subgraph.dataSource.query(`SELECT acknowledged_at, evaluation_started_at, closed_at FROM concern WHERE id = $1`, [id]);

    it('of each step is answered with the concern as it stands, writing nothing', async () => {
      const id = await flag('key-retry-steps', 'HIGH');
      const outcome = 'Évaluation terminée (fictif).';
      for (const [mutation, viewer, variables] of [
        [ACK, karim, { id }],
        [START, karim, { id }],
        [CLOSE, nathalie, { id, outcome: `  ${outcome} ` }],
      ] as const) {
        const first = await call(subgraph, mutation, variables, viewer);
        expect(first.body.errors).toBeUndefined();
        const before = [await stamps(id), await times(id)];
        const again = await call(subgraph, mutation, mutation === CLOSE ? { id, outcome } : variables, viewer);
        expect(again.body).toEqual(first.body);
        expect([await stamps(id), await times(id)]).toEqual(before);
      }
    });

    it('of two concurrent identical acknowledgements answers both alike, writing once', async () => {
      const id = await flag('key-concurrent-same-ack', 'LOW');
      const [first, second] = await Promise.all([call(subgraph, ACK, { id }, karim), call(subgraph, ACK, { id }, karim)]);
      expect(first.body.errors).toBeUndefined();
      expect(second.body).toEqual(first.body);
    });

    it.each([
      ['a close with another outcome', ['ack', 'start', 'close'], CLOSE, nathalie, 'Autre réponse (fictif).'],
      ['a close by another agent than the one who closed', ['ack', 'start', 'close'], CLOSE, karim, 'Classé (fictif).'],
      ['an acknowledgement by another evaluator', ['ack'], ACK, parisCrip2, undefined],
      ['a start by another evaluator', ['ack', 'start'], START, parisCrip2, undefined],
      ['an acknowledgement of a closed concern, by the one who acknowledged it', ['ack', 'start', 'close'], ACK, karim, undefined],
    ])('refuses %s with CONFLICT, changing nothing', async (label, steps, mutation, viewer, outcome) => {
      const id = await flag(`key-retry-differs-${label.replace(/\W+/g, '-')}`, 'LOW');
      for (const step of steps) {
        const res = await call(subgraph, { ack: ACK, start: START, close: CLOSE }[step] ?? '', { id, outcome: 'Classé (fictif).' }, step === 'close' ? nathalie : karim);
        expect(res.body.errors).toBeUndefined();
      }
      const before = [await stamps(id), await times(id)];
      const res = await call(subgraph, mutation, { id, outcome }, viewer);
      expect(firstError(res.body.errors)).toEqual({ code: 'CONFLICT', field: undefined });
      expect([await stamps(id), await times(id)]).toEqual(before);
    });

    it.each([
      ['a CRIP evaluator of another département', ACK, lyonCrip],
      ['an ASE head acknowledging', ACK, nathalie],
      ['a relais coordinator closing', CLOSE, amina],
    ])('by %s is answered as before: refused, as for an unknown concern', async (_label, mutation, viewer) => {
      const id = await flag(`key-retry-stranger-${_label.replace(/\W+/g, '-')}`, 'LOW');
      for (const [step, by] of [[ACK, karim], [START, karim], [CLOSE, nathalie]] as const) {
        expect((await call(subgraph, step, { id, outcome: 'Classé (fictif).' }, by)).body.errors).toBeUndefined();
        const res = await call(subgraph, mutation, { id, outcome: 'Classé (fictif).' }, viewer);
        const unknown = await call(subgraph, mutation, { id: 'concern-unknown', outcome: 'Classé (fictif).' }, viewer);
        expect(res.body.data ?? null).toBeNull();
        expect(res.body).toEqual(unknown.body);
      }
    });
  });

  it.each([
    ['an ASE head acknowledging', ACK, nathalie, 'FORBIDDEN'],
    ['an ASE head starting an evaluation', START, nathalie, 'FORBIDDEN'],
    ['a relais coordinator closing', CLOSE, amina, 'FORBIDDEN'],
    ['a judge acknowledging', ACK, helene, 'FORBIDDEN'],
    ['the hub without an agent', ACK, null, 'FORBIDDEN'],
    ['a CRIP evaluator of another département', ACK, lyonCrip, 'NOT_FOUND'],
  ])('refuses %s', async (label, mutation, viewer, code) => {
    const id = await flag(`key-refuse-${label.replace(/\W+/g, '-')}`, 'LOW');
    const res = await call(subgraph, mutation, { id, outcome: 'x' }, viewer);
    expect(firstError(res.body.errors)?.code).toEqual(code);
    expect(await stamps(id)).toEqual([{ status: 'SUBMITTED', acknowledged_by_id: null, evaluation_started_by_id: null, closed_by_id: null, outcome: null }]);
  });

  it.each([
    ['an unknown concern', ACK, { id: 'concern-unknown' }, 'NOT_FOUND', 'id'],
    ['a blank outcome', CLOSE, { id: 'concern-sacha-1', outcome: '  ' }, 'BAD_USER_INPUT', 'outcome'],
  ])('refuses %s', async (_label, mutation, variables, code, field) => {
    const res = await call(subgraph, mutation, variables, karim);
    expect(firstError(res.body.errors)).toEqual({ code, field });
  });
});
