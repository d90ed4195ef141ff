import { calendarDay } from '../../common/src/calendar';
import { hubPost } from '../support/hub-client';
import { startTestFederation, type TestFederation } from '../support/in-process-federation';
import { clearOfParisMidnight, parisDay } from '../support/paris-day';

/**
 * Decisions that turn on a date: care relationships, the placement in force and dated input,
 * judged on the Paris calendar day the services use. Each test writes records dated relative
 * to today (the clock is not moved), except the one that needs a time of day, which moves
 * this process's Date (the hub and the subgraphs run in it) for one request.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const AMINA = 'agent-rpe-amina';
const NATHALIE = 'agent-ase-nathalie';
const JULIEN = 'agent-ase-julien';
const HELENE = 'agent-tj-helene';
const CLAIRE = 'agent-pmi-claire';
const NOT_FOUND = { data: { child: null }, errors: [{ message: 'Child not found', path: ['child'], extensions: { code: 'NOT_FOUND' } }] };

describe('a childcare arrangement registered with its planned end', () => {
  it('can be ended before that date, and the relais loses the child from the day after the end, not on the planned date', async () => {
    // "Today still counts" must be read on the day the end was written.
    await clearOfParisMidnight();
    const registered = await hubPost<{ registerChildcareArrangement: { id: string } }>(
      federation.hubUrl,
      AMINA,
      `mutation Register($input: RegisterChildcareArrangementInput!) { registerChildcareArrangement(input: $input) { id endDate } }`,
      { input: { idempotencyKey: 'calendar-planned-end-ines', childId: 'child-ines', childminderId: 'childminder-sophie', startDate: parisDay(-90), endDate: parisDay(200), schedule: 'mer. 8h30–17h30' } },
    );
    const id = registered.body.data?.registerChildcareArrangement.id;
    expect(registered.body).toEqual({ data: { registerChildcareArrangement: { id: expect.stringMatching(/^arrangement-/), endDate: parisDay(200) } } });
    const read = `query Read { child(id: "child-ines") { firstName } }`;
    expect((await hubPost(federation.hubUrl, AMINA, read)).body).toEqual({ data: { child: { firstName: 'Inès' } } });

    // Inès left the childminder: the relais records the end, ending today first (a day that
    // still counts), then yesterday (the day she actually left).
    const end = `mutation End($input: EndChildcareArrangementInput!) { endChildcareArrangement(input: $input) { id endDate } }`;
    const endsToday = await hubPost(federation.hubUrl, AMINA, end, { input: { arrangementId: id, endDate: parisDay(0) } });
    expect(endsToday.body).toEqual({ data: { endChildcareArrangement: { id, endDate: parisDay(0) } } });
    expect((await hubPost(federation.hubUrl, AMINA, read)).body).toEqual({ data: { child: { firstName: 'Inès' } } });
    const endedYesterday = await hubPost(federation.hubUrl, AMINA, end, { input: { arrangementId: id, endDate: parisDay(-1) } });
    expect(endedYesterday.body).toEqual({ data: { endChildcareArrangement: { id, endDate: parisDay(-1) } } });
    expect((await hubPost(federation.hubUrl, AMINA, read)).body).toEqual(NOT_FOUND);

    // An end already past stays history: another date is a CONFLICT.
    const rewritten = await hubPost(federation.hubUrl, AMINA, end, { input: { arrangementId: id, endDate: parisDay(-2) } });
    expect(rewritten.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});

describe('a placement whose measure has ended', () => {
  const PLACEMENT = `query Placement { child(id: "child-ines") { protectionStatus { level } placement { kind caregiverName address } } }`;

  it('is no longer where the child lives: null for the référent, the ASE head and the judge, as the measure ends', async () => {
    await clearOfParisMidnight();
    const before = await hubPost(federation.hubUrl, JULIEN, PLACEMENT);
    expect(before.body).toEqual({
      data: { child: { protectionStatus: { level: 'JUDICIAL_MEASURE' }, placement: { kind: 'FOSTER_FAMILY', caregiverName: expect.any(String), address: expect.any(String) } } },
    });
    // A planned end (the judgment's term) leaves the placement in force until then.
    const end = `mutation End($input: EndMeasureInput!) { endMeasure(input: $input) { id endDate } }`;
    const planned = await hubPost(federation.hubUrl, NATHALIE, end, { input: { measureId: 'measure-ines-placement', endDate: parisDay(30) } });
    expect(planned.body).toEqual({ data: { endMeasure: { id: 'measure-ines-placement', endDate: parisDay(30) } } });
    expect((await hubPost(federation.hubUrl, JULIEN, PLACEMENT)).body).toEqual(before.body);

    // Mainlevée yesterday: Inès is no longer under the measure, nor placed by it.
    const lifted = await hubPost(federation.hubUrl, NATHALIE, end, { input: { measureId: 'measure-ines-placement', endDate: parisDay(-1) } });
    expect(lifted.body).toEqual({ data: { endMeasure: { id: 'measure-ines-placement', endDate: parisDay(-1) } } });
    for (const viewer of [JULIEN, NATHALIE, HELENE] as const) {
      const after = await hubPost(federation.hubUrl, viewer, PLACEMENT);
      expect(after.body).toEqual({ data: { child: { protectionStatus: { level: 'NONE' }, placement: null } } });
    }
  });
});

describe('dated input judged on the Paris day', () => {
  it('registers a child born today in Paris between midnight there and midnight UTC', async () => {
    // 23:30 UTC is already the next day in Paris (00:30 in winter, 01:30 in summer).
    const lateEvening = new Date(`${new Date().toISOString().slice(0, 10)}T23:30:00.000Z`);
    const bornToday = calendarDay(lateEvening);
    expect(bornToday > lateEvening.toISOString().slice(0, 10)).toBe(true);
    jest.useFakeTimers({ now: lateEvening, advanceTimers: true, doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] });
    try {
      const registered = await hubPost<{ registerChild: { id: string; birthDate: string } }>(
        federation.hubUrl,
        CLAIRE,
        `mutation Register($input: RegisterChildInput!) { registerChild(input: $input) { id } }`,
        { input: { idempotencyKey: 'calendar-born-today', firstName: 'Jade', lastName: 'Nouvelle', birthDate: bornToday } },
      );
      expect(registered.body).toEqual({ data: { registerChild: { id: expect.stringMatching(/^child-/) } } });
      // The day after is still the future.
      const tomorrow = await hubPost(federation.hubUrl, CLAIRE, `mutation Register($input: RegisterChildInput!) { registerChild(input: $input) { id } }`, {
        input: { idempotencyKey: 'calendar-born-tomorrow', firstName: 'Jade', lastName: 'Future', birthDate: calendarDay(new Date(lateEvening.getTime() + 86_400_000)) },
      });
      expect(tomorrow.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.birthDate' });
    } finally {
      jest.useRealTimers();
    }
  });

  it.each(['2026-02-30T00:00:00Z', '2025-02-29T10:00:00+01:00', '2026-04-31T00:00:00Z', '2026-12-04T24:00:00Z', '2026-12-04T10:00:00+25:00'])(
    'refuses the instant %s (no such day or time), where a window would have silently moved',
    async (from) => {
      const res = await hubPost(federation.hubUrl, 'agent-dpo-marc', `query Trail($from: DateTime) { auditTrail(from: $from, first: 1) { edges { node { at } } } }`, { from });
      expect(res.status).toBe(400);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    },
  );

  it.each(['2024-02-29T23:30:00Z', '2026-12-04T23:30:00-10:00', '2026-03-29T02:30:00+02:00'])('accepts the instant %s', async (from) => {
    const res = await hubPost(federation.hubUrl, 'agent-dpo-marc', `query Trail($from: DateTime) { auditTrail(from: $from, first: 1) { edges { node { at } } } }`, { from });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });
});
