import { createServer, type Server, type Socket } from 'node:net';
import { testServerUrl } from '../support/databases';
import { hubPost } from '../support/hub-client';
import { crash, type ProcessFederation, startProcessFederation, startTwinHub, timeUntil } from '../support/process-federation';

/**
 * Issue 6, "Failing parts": a subgraph killed outright, a subgraph that never answers. The
 * hub answers what it can, names the missing source with SOURCE_UNAVAILABLE, withholds
 * whatever needs a fact from it (fail closed), and recovers by itself once it is back.
 */
let federation: ProcessFederation;
beforeAll(async () => {
  federation = await startProcessFederation(testServerUrl());
}, 90_000);
afterAll(() => federation?.teardown(), 30_000);

const LEA = `query Lea { child(id: "child-lea") { firstName protectionStatus { level } pmiFollowUp { since } } }`;
const CLAIRE = 'agent-pmi-claire';
const JULIEN = 'agent-ase-julien';
const NORMAL = { data: { child: { firstName: 'Léa', protectionStatus: { level: 'JUDICIAL_MEASURE' }, pmiFollowUp: { since: '2023-04-20' } } } };
const unavailable = (source: string, path: Array<string | number>) => ({ message: expect.any(String), path, extensions: { code: 'SOURCE_UNAVAILABLE', source } });
type Answer = Awaited<ReturnType<typeof hubPost>>;

/**
 * `data` exactly, and exactly one error: SOURCE_UNAVAILABLE naming `source`. The planner
 * may not know where in the result the failed fetch belonged, so `path`, when given, must
 * be the withheld field's.
 */
function expectPartial(res: Answer, data: unknown, source: string, fieldPath: Array<string | number>): void {
  expect(res.status).toBe(200);
  expect(res.body.data).toEqual(data);
  expect(res.body.errors).toEqual([{ message: expect.any(String), extensions: { code: 'SOURCE_UNAVAILABLE', source }, ...(res.body.errors?.[0]?.path ? { path: fieldPath } : {}) }]);
}

const lea = async (as: typeof CLAIRE | typeof JULIEN, url = federation.hubUrl) => hubPost(url, as, LEA);

/** Restarts a subgraph and measures how long the hub takes, from the subgraph being healthy, to answer Claire normally. */
async function restartAndMeasure(name: 'pmi' | 'ase'): Promise<number> {
  await federation.restart(name);
  return timeUntil(async () => JSON.stringify((await lea(CLAIRE)).body) === JSON.stringify(NORMAL), 10_000);
}

describe('the PMI subgraph killed (SIGKILL)', () => {
  beforeAll(async () => {
    expect((await lea(CLAIRE)).body).toEqual(NORMAL);
    await crash(federation, 'pmi');
  });

  it('withholds Léa entirely from Claire, whose relationship only PMI can vouch for, naming PMI', async () => {
    const res = await lea(CLAIRE);
    expect(res).toEqual({ status: 200, body: { data: { child: null }, errors: [unavailable('PMI', ['child'])] } });
    expect(JSON.stringify(res.body)).not.toMatch(/Léa|JUDICIAL|2023-04-20/);
  });

  it('answers an id nobody registered exactly as Léa: the outage does not tell which children exist', async () => {
    const asked = (id: string) => hubPost(federation.hubUrl, CLAIRE, LEA.replace('child-lea', id));
    expect(await asked('child-nobody')).toEqual(await asked('child-lea'));
    // The same for a write that needs the relationship PMI vouches for.
    const visit = (childId: string) =>
      hubPost(federation.hubUrl, CLAIRE, `mutation Visit($input: RecordHomeVisitInput!) { recordHomeVisit(input: $input) { id } }`, {
        input: { idempotencyKey: `down-visit-${childId}`, childId, visitedOn: '2026-11-02', notes: 'Visite fictive.' },
      });
    const [unknown, known] = [await visit('child-nobody'), await visit('child-lea')];
    expect(known).toEqual({ status: 503, body: { errors: [{ message: expect.any(String), extensions: { code: 'SOURCE_UNAVAILABLE', source: 'PMI' } }] } });
    expect(unknown).toEqual(known);
  });

  it('records those answers as withheld for want of a source, not as children not found', async () => {
    await hubPost(federation.hubUrl, CLAIRE, `query DownLea { child(id: "child-lea") { firstName } }`);
    await hubPost(federation.hubUrl, CLAIRE, `query DownNobody { child(id: "child-nobody") { firstName } }`);
    type Trail = { auditTrail: { edges: Array<{ node: { operationName: string; childIds: string[]; withheldReasons: unknown[] } }> } };
    const res = await hubPost<Trail>(federation.hubUrl, 'agent-dpo-marc', `{ auditTrail(agentId: "agent-pmi-claire", first: 2) { edges { node { operationName childIds withheldReasons { category reason count } } } } }`);
    const reasons = [{ category: 'IDENTITY', reason: 'SOURCE_UNAVAILABLE', count: 1 }];
    expect(res.body.data?.auditTrail.edges.map(({ node }) => node)).toEqual([
      // An id nobody registered is counted, not stored.
      { operationName: 'DownNobody', childIds: [], withheldReasons: reasons },
      { operationName: 'DownLea', childIds: ['child-lea'], withheldReasons: reasons },
    ]);
  });

  it('still gives Julien (relationship from ASE) identity and status, with pmiFollowUp null and SOURCE_UNAVAILABLE naming PMI', async () => {
    const res = await lea(JULIEN);
    expectPartial(res, { child: { firstName: 'Léa', protectionStatus: { level: 'JUDICIAL_MEASURE' }, pmiFollowUp: null } }, 'PMI', ['child', 'pmiFollowUp']);
  });

  it('answers normally again within 5 s of PMI being back, without a hub restart', async () => {
    const hubPid = federation.processes.get('hub')?.child.pid;
    const recoveryMs = await restartAndMeasure('pmi');
    process.stdout.write(`subgraph-down: hub recovered ${recoveryMs} ms after PMI was healthy again\n`);
    expect(recoveryMs).toBeLessThan(5_000);
    expect(federation.processes.get('hub')?.child.pid).toBe(hubPid);
  });
});

describe('the ASE subgraph killed (SIGKILL)', () => {
  let consentId = '';
  beforeAll(async () => {
    const recorded = await hubPost<{ recordConsent: { id: string } }>(federation.hubUrl, JULIEN, `mutation R($input: ConsentInput!) { recordConsent(input: $input) { id } }`, {
      input: { childId: 'child-lea', categories: ['CHILDCARE'], recipientRole: 'PMI_NURSE', grantedBy: 'mère (fictive)', validFrom: '2026-01-01', idempotencyKey: 'down-consent-lea' },
    });
    consentId = recorded.body.data?.recordConsent.id ?? '';
    expect(consentId).not.toBe('');
    await crash(federation, 'ase');
  });

  it('gives Claire what PMI and the hub hold, protectionStatus null with SOURCE_UNAVAILABLE naming ASE', async () => {
    const res = await lea(CLAIRE);
    expectPartial(res, { child: { firstName: 'Léa', protectionStatus: null, pmiFollowUp: { since: '2023-04-20' } } }, 'ASE', ['child', 'protectionStatus']);
  });

  // Without the ASE, which children are hers is unknown: the trail is withheld, never cut.
  it('withholds the ASE head’s audit trail, naming ASE, rather than list part of it', async () => {
    const res = await hubPost(federation.hubUrl, 'agent-ase-nathalie', `{ auditTrail(first: 5) { edges { node { childIds } } } }`);
    expect(res.body).toEqual({ data: null, errors: [{ message: expect.any(String), path: ['auditTrail'], extensions: { code: 'SOURCE_UNAVAILABLE', source: expect.stringContaining('ASE') } }] });
  });

  // "Not found" would tell Julien the consent is gone while it still opens Léa's childcare.
  it('refuses to revoke a consent with SOURCE_UNAVAILABLE naming ASE, not NOT_FOUND, and revokes nothing', async () => {
    const res = await hubPost(federation.hubUrl, JULIEN, `mutation V($id: ID!) { revokeConsent(id: $id) { id revokedAt } }`, { id: consentId });
    expect(res.body).toEqual({ data: null, errors: [{ message: expect.any(String), path: ['revokeConsent'], extensions: { code: 'SOURCE_UNAVAILABLE', source: 'ASE' } }] });
    const childcare = await hubPost(federation.hubUrl, CLAIRE, `query C { child(id: "child-lea") { childcare { startDate } } }`);
    expect(childcare.body.data).toEqual({ child: { childcare: [{ startDate: '2024-09-02' }] } });
  });

  it('answers normally again within 5 s of ASE being back', async () => {
    const recoveryMs = await restartAndMeasure('ase');
    process.stdout.write(`subgraph-down: hub recovered ${recoveryMs} ms after ASE was healthy again\n`);
    expect(recoveryMs).toBeLessThan(5_000);
  });
});

/**
 * The hub waits for a hanging source once per request, never twice: every answer comes in
 * under two timeouts (the rest of the budget absorbs a loaded CI machine). The timeout is
 * 2 s, not 1 s: the rest of the budget is one timeout, and the work besides the wait (the
 * twin hub's first request: plan, token, the other subgraphs) took 190 ms on a quiet
 * machine, 270 ms with two CPU burners, so a slower CI machine could spend a 1 s remainder.
 * A second wait would still take 4 s, over the bound.
 */
const TIMEOUT_MS = 2_000;
const UNDER_TWO_TIMEOUTS = 2 * TIMEOUT_MS;

describe(`a subgraph that accepts connections and never answers (SUBGRAPH_TIMEOUT_MS=${TIMEOUT_MS})`, () => {
  let hanging: Server;
  const sockets = new Set<Socket>();
  let twin: Awaited<ReturnType<typeof startTwinHub>>;

  beforeAll(async () => {
    hanging = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.resume(); // reads the request, never writes a byte back
    });
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const address = hanging.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    twin = await startTwinHub(federation, { PMI_URL: `http://127.0.0.1:${port}/graphql`, SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS) });
  }, 60_000);

  afterAll(async () => {
    await twin?.stop();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => hanging.close(resolve));
  });

  it('answers Julien within one timeout, pmiFollowUp null with SOURCE_UNAVAILABLE naming PMI', async () => {
    const started = Date.now();
    const res = await lea(JULIEN, twin.url);
    const elapsed = Date.now() - started;
    process.stdout.write(`subgraph-down: hanging PMI answered in ${elapsed} ms\n`);
    expectPartial(res, { child: { firstName: 'Léa', protectionStatus: { level: 'JUDICIAL_MEASURE' }, pmiFollowUp: null } }, 'PMI', ['child', 'pmiFollowUp']);
    expect(elapsed).toBeLessThan(UNDER_TWO_TIMEOUTS);
  });

  // The timeline, read by the hub in the plan's first fetch, asks PMI too: the PMI fetch
  // planned after it must not wait for PMI a second time.
  it('answers Julien’s timeline and pmiFollowUp together within one timeout, naming PMI only', async () => {
    const started = Date.now();
    const res = await hubPost<{ child: { pmiFollowUp: unknown; timeline: { events: Array<{ source: string }> } } }>(
      twin.url,
      JULIEN,
      `query LeaTimeline { child(id: "child-lea") { firstName pmiFollowUp { since } timeline { events { source kind } } } }`,
    );
    const elapsed = Date.now() - started;
    process.stdout.write(`subgraph-down: hanging PMI, timeline and pmiFollowUp answered in ${elapsed} ms\n`);
    expect(res.status).toBe(200);
    expect(res.body.data?.child.pmiFollowUp).toBeNull();
    const sources = new Set(res.body.data?.child.timeline.events.map((event) => event.source));
    expect([...sources].sort()).toEqual(['ASE', 'JUSTICE', 'RPE']);
    expect(res.body.errors?.length).toBeGreaterThan(0);
    for (const error of res.body.errors ?? []) expect(error.extensions).toEqual({ code: 'SOURCE_UNAVAILABLE', source: 'PMI' });
    expect(elapsed).toBeLessThan(UNDER_TWO_TIMEOUTS);
  });

  it('withholds Léa from Claire within one timeout, naming PMI', async () => {
    const started = Date.now();
    const res = await lea(CLAIRE, twin.url);
    expect(Date.now() - started).toBeLessThan(UNDER_TWO_TIMEOUTS);
    expect(res).toEqual({ status: 200, body: { data: { child: null }, errors: [unavailable('PMI', ['child'])] } });
  });
});
