import pg from 'pg';
import { withDatabase } from '../../common/src/db/databases';
import { testServerUrl } from '../support/databases';
import { hubPost } from '../support/hub-client';
import { type ProcessFederation, startProcessFederation } from '../support/process-federation';
import { parisDay } from '../e2e/policy-oracle';

/**
 * Issue 6, "Failing parts": SIGTERM. The hub lets in-flight requests finish, refuses new
 * ones and exits 0; a subgraph stopped during a burst of writes leaves no write half done,
 * and retrying the failed idempotency keys afterwards stores each concern exactly once.
 */
let federation: ProcessFederation;
beforeAll(async () => {
  federation = await startProcessFederation(testServerUrl());
}, 90_000);
afterAll(() => federation?.teardown(), 30_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SIGTERM to RPE during a burst of flagConcern', () => {
  const FLAG = `mutation Flag($input: FlagConcernInput!) { flagConcern(input: $input) { id children { id } } }`;
  const CHILDREN = ['child-sacha', 'child-noah'];
  const run = `sigterm-${Date.now().toString(36)}`;
  const keys = Array.from({ length: 48 }, (_, i) => `${run}-${String(i).padStart(3, '0')}`);
  const input = (idempotencyKey: string) => ({
    idempotencyKey,
    childIds: CHILDREN,
    childminderId: 'childminder-sophie',
    category: 'SAFETY',
    severity: 'MEDIUM',
    observedAt: parisDay(-1),
    description: 'Barrière d’escalier laissée ouverte (texte fictif, test SIGTERM).',
  });
  type Flagged = { flagConcern: { id: string; children: Array<{ id: string }> } | null };
  const flag = async (key: string) => {
    try {
      return await hubPost<Flagged>(federation.hubUrl, 'agent-rpe-amina', FLAG, { input: input(key) });
    } catch {
      return null; // the hub did not answer: counts as failed, to be retried
    }
  };

  const sql = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString: withDatabase(federation.serverUrl, `${federation.prefix}_rpe`) });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  };
  const stored = () =>
    sql<{ key: string; id: string; children: string[] }>(
      `SELECT c.idempotency_key AS key, c.id, coalesce(array_agg(cc.child_id ORDER BY cc.child_id) FILTER (WHERE cc.child_id IS NOT NULL), '{}') AS children
         FROM concern c LEFT JOIN concern_child cc ON cc.concern_id = c.id WHERE c.idempotency_key LIKE $1 GROUP BY c.id`,
      [`${run}-%`],
    );

  const firstAnswers = new Map<string, string | null>();
  const failureCodes: unknown[] = [];
  let rpeExit: number | null = null;

  beforeAll(async () => {
    const rpe = federation.processes.get('rpe');
    if (!rpe) throw new Error('no rpe process');
    let next = 0;
    const worker = async () => {
      while (next < keys.length) {
        const key = keys[next++];
        const res = await flag(key);
        firstAnswers.set(key, res?.body.data?.flagConcern?.id ?? null);
        if (!res?.body.data?.flagConcern) failureCodes.push(res ? `${res.status} ${String(res.body.errors?.[0]?.extensions?.code)}` : 'no answer');
      }
    };
    const burst = Promise.all(Array.from({ length: 8 }, worker));
    while (firstAnswers.size < 8) await sleep(10);
    rpe.child.kill('SIGTERM');
    rpeExit = await rpe.exited;
    await burst;
  }, 60_000);

  it('stopped RPE cleanly (exit 0) in the middle of the burst', () => {
    expect(rpeExit).toBe(0);
    const succeeded = [...firstAnswers.values()].filter((id) => id !== null).length;
    process.stdout.write(`sigterm: ${succeeded} of ${keys.length} concerns stored before RPE stopped\n`);
    expect(succeeded).toBeGreaterThan(0);
    expect(succeeded).toBeLessThan(keys.length);
    // The writes refused meanwhile were refused with a typed code naming why, never an opaque
    // internal error (the status is not asserted: the hub answers 400 for some, see the report).
    expect(failureCodes.filter((code) => !/^(200|400|503) (SOURCE_UNAVAILABLE|SHUTTING_DOWN)$/.test(String(code)))).toEqual([]);
  });

  it('left no concern without its children, and stored every concern it answered for', async () => {
    const rows = await stored();
    expect(rows.filter((row) => row.children.join() !== [...CHILDREN].sort().join())).toEqual([]);
    const byKey = new Map(rows.map((row) => [row.key, row.id]));
    for (const [key, id] of firstAnswers) if (id) expect(byKey.get(key)).toBe(id);
  });

  it('stores exactly one concern per key once RPE is back and the failed keys are retried', async () => {
    await federation.restart('rpe');
    const failed = keys.filter((key) => !firstAnswers.get(key));
    for (const key of failed) {
      const res = await flag(key);
      expect(res?.body.errors).toBeUndefined();
      expect(res?.body.data?.flagConcern?.children.map((child) => child.id).sort()).toEqual([...CHILDREN].sort());
    }
    // Retrying a key that had succeeded gives back the same concern, not a second one.
    const done = keys.find((key) => firstAnswers.get(key));
    if (done) expect((await flag(done))?.body.data?.flagConcern?.id).toBe(firstAnswers.get(done));
    const rows = await stored();
    expect(rows.map((row) => row.key).sort()).toEqual(keys);
    expect(rows.filter((row) => row.children.length !== CHILDREN.length)).toEqual([]);
  });
});

describe('SIGTERM to the hub with requests in flight', () => {
  const SLOW = `query Slow { myChildren { id firstName timeline { events { at kind } withheld { category count } } } }`;
  type Slow = { myChildren: Array<{ id: string; timeline: { events: unknown[] } | null }> };
  let inFlight: Array<{ status: number; body: { data?: Slow | null; errors?: unknown[] } } | Error> = [];
  let finishedAfterSigterm = 0;
  let late: { status: number; code: unknown } | 'refused' | undefined;
  let exitCode: number | null | undefined;

  beforeAll(async () => {
    const hub = federation.processes.get('hub');
    if (!hub) throw new Error('no hub process');
    let sigtermAt = Infinity;
    const requests = Array.from({ length: 10 }, () =>
      hubPost<Slow>(federation.hubUrl, 'agent-ase-julien', SLOW).then(
        (res) => {
          if (Date.now() > sigtermAt && res.status === 200) finishedAfterSigterm += 1;
          return res;
        },
        (error: Error) => error,
      ),
    );
    await sleep(250); // most of the ten are read and executing by now
    sigtermAt = Date.now();
    hub.child.kill('SIGTERM');
    await sleep(20);
    try {
      const res = await hubPost(federation.hubUrl, 'agent-ase-julien', SLOW);
      late = { status: res.status, code: res.body.errors?.[0]?.extensions?.code };
    } catch {
      late = 'refused';
    }
    inFlight = await Promise.all(requests);
    exitCode = await hub.exited;
  }, 60_000);

  it('lets every request the hub had started finish with 200 and its full answer; the others are refused, none cut off', () => {
    process.stdout.write(`sigterm: ${finishedAfterSigterm} of 10 requests finished with 200 after SIGTERM was sent\n`);
    // Requests still on their way when SIGTERM arrived are new ones: 503 SHUTTING_DOWN is right for them.
    expect(finishedAfterSigterm).toBeGreaterThan(0);
    for (const answer of inFlight) {
      expect(answer).not.toBeInstanceOf(Error); // no connection reset, no half answer
      if (answer instanceof Error) continue;
      if (answer.status === 503) {
        expect(answer.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'SHUTTING_DOWN' } }] });
        continue;
      }
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data?.myChildren.map((child) => child.id).sort()).toEqual(['child-ines', 'child-lea']);
      for (const child of answer.body.data?.myChildren ?? []) expect(child.timeline?.events.length).toBeGreaterThan(0);
    }
  });

  it('refuses a request arriving after SIGTERM (connection refused or 503 SHUTTING_DOWN)', () => {
    expect(late === 'refused' || (late?.status === 503 && late.code === 'SHUTTING_DOWN')).toBe(true);
  });

  it('exits with code 0', () => {
    expect(exitCode).toBe(0);
  });
});
