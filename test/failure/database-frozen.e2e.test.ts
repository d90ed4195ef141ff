import pg from 'pg';
import { hubPost } from '../support/hub-client';
import { type OwnPostgres, ownPostgres } from '../support/own-postgres';
import { type ProcessFederation, startProcessFederation } from '../support/process-federation';

/**
 * The hub's own PostgreSQL backends stopped (SIGSTOP), not gone: the sockets stay open and
 * the server cannot enforce its statement timeout, so only the hub's own wait can end. The
 * hub must answer a typed error within its query timeout instead of hanging, release
 * nothing it could not record, and serve normally again on fresh connections while the old
 * backends are still stopped.
 */
const QUERY_TIMEOUT_MS = 1_500;
// Long enough for a few query timeouts in a row on a loaded machine; far below a hang.
const ANSWER_BUDGET_MS = 10_000;
const RECOVERY_BUDGET_MS = 20_000;

const LEA = `query Lea { child(id: "child-lea") { firstName protectionStatus { level } pmiFollowUp { since } } }`;
const NORMAL = { data: { child: { firstName: 'Léa', protectionStatus: { level: 'JUDICIAL_MEASURE' }, pmiFollowUp: { since: '2023-04-20' } } } };
const OUTAGE_CODES = new Set(['SOURCE_UNAVAILABLE', 'AUDIT_UNAVAILABLE']);

type Body = { data?: { child?: Record<string, unknown> | null } | null; errors?: Array<{ message: string; extensions?: { code?: unknown } }> };
interface Answer { ms: number; status: number; body: Body }

let postgres: OwnPostgres;
let federation: ProcessFederation;
let admin: pg.Client;
let frozen: number[] = [];

beforeAll(async () => {
  postgres = await ownPostgres();
  federation = await startProcessFederation(postgres.url, { DB_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS) });
  admin = new pg.Client({ connectionString: postgres.url, connectionTimeoutMillis: 5_000 });
  await admin.connect();
}, 120_000);

afterAll(async () => {
  thaw();
  await admin?.end();
  await federation?.stop();
  await postgres?.destroy();
}, 60_000);

function thaw(): void {
  for (const pid of frozen) {
    try {
      process.kill(pid, 'SIGCONT');
    } catch {
      // already gone
    }
  }
  frozen = [];
}

/** Julien reads Léa; a request the hub does not answer within `abortMs` counts as status 0. */
async function readLea(abortMs: number): Promise<Answer> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const answer = await Promise.race([
    hubPost(federation.hubUrl, 'agent-ase-julien', LEA),
    new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), abortMs))),
  ]).finally(() => clearTimeout(timer));
  return { ms: Date.now() - started, status: answer?.status ?? 0, body: (answer?.body ?? {}) as Body };
}

const normal = (answer: Answer) => answer.status === 200 && JSON.stringify(answer.body) === JSON.stringify(NORMAL);

describe("the hub's own database backends stopped mid-life", () => {
  const during: Answer[] = [];

  beforeAll(async () => {
    // A few reads so that the pool holds warm connections, then stop every backend it has.
    for (let i = 0; i < 5; i++) expect(normal(await readLea(30_000))).toBe(true);
    const hubDatabase = new URL(federation.databases.hubOwnerUrl).pathname.slice(1);
    const { rows } = await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'cp-hub'`, [hubDatabase]);
    expect(rows.length).toBeGreaterThan(0);
    for (const { pid } of rows) {
      process.kill(pid, 'SIGSTOP');
      frozen.push(pid);
    }
    const until = Date.now() + RECOVERY_BUDGET_MS;
    while (Date.now() < until) {
      const answer = await readLea(ANSWER_BUDGET_MS + 5_000);
      during.push(answer);
      if (normal(answer)) break;
    }
  }, 90_000);

  it('answered every request within its budget, none hung', () => {
    process.stdout.write(`database-frozen: ${during.length} requests with the backends stopped, in ${during.map((answer) => `${answer.ms} ms (${answer.status})`).join(', ')}\n`);
    expect(during.length).toBeGreaterThan(0);
    expect(during.filter((answer) => answer.status === 0 || answer.ms > ANSWER_BUDGET_MS)).toEqual([]);
  });

  it('first answered a typed outage error and released nothing', () => {
    const [first] = during;
    expect(normal(first)).toBe(false);
    expect([200, 503]).toContain(first.status);
    expect(first.body.errors?.length).toBeGreaterThan(0);
    for (const error of first.body.errors ?? []) expect(OUTAGE_CODES).toContain(error.extensions?.code);
    expect(first.body.data?.child ?? null).toBeNull();
  });

  it('every answer before recovery was a typed outage error', () => {
    for (const answer of during.filter((candidate) => !normal(candidate))) {
      for (const error of answer.body.errors ?? []) expect(OUTAGE_CODES).toContain(error.extensions?.code);
      expect(JSON.stringify(answer.body)).not.toMatch(/Léa|JUDICIAL_MEASURE|2023-04-20|read timeout|postgres/i);
    }
  });

  it('answered normally again on fresh connections while the old backends were still stopped', async () => {
    expect(during.some(normal)).toBe(true);
    const { rows } = await admin.query<{ state: string }>(`SELECT state FROM pg_stat_activity WHERE pid = ANY($1)`, [frozen]);
    // The stopped backends still exist: the recovery did not come from them.
    expect(rows.length).toBeGreaterThan(0);
  });

  it('released no child data without its audit entry once the backends run again', async () => {
    thaw();
    const released = during.filter((answer) => answer.status === 200 && answer.body.data?.child != null).length + 5;
    type Page = { auditTrail: { edges: Array<{ node: { released: string[] } }> } };
    const res = await hubPost<Page>(federation.hubUrl, 'agent-dpo-marc', `{ auditTrail(agentId: "agent-ase-julien", first: 200) { edges { node { released } } } }`);
    const entries = res.body.data?.auditTrail.edges.filter((edge) => edge.node.released.length > 0).length;
    expect(entries).toBe(released);
  });
});
