import pg from 'pg';
import { withDatabase } from '../../common/src/db/databases';
import { testServerUrl } from '../support/databases';
import { hubPost } from '../support/hub-client';
import { startTestFederation, type TestFederation } from '../support/in-process-federation';
import { tokenFor } from '../support/tokens';
import { type AttackRequest, CORPUS } from './corpus';
import { ALLOWED_CODES, leaksIn } from './leaks';

/**
 * Issue 6, item 3: every request of the attack corpus against one in-process federation.
 * Besides each entry's own expectation, every answer: is not a 5xx, carries only typed codes
 * from ALLOWED_CODES, leaks no personal data, stack trace, SQL, address or subgraph name; a
 * refused request writes nothing (row counts of every table of every service, the audit
 * log and access notifications aside, which record refusals on purpose).
 */
let federation: TestFederation;
let ports: number[] = [];
const databases = new Map<string, pg.Client>();
/** Writes the corpus made on purpose (free text stored verbatim): new ids per table. */
const acceptedWrites = { concern: new Set<string>(), consent: new Set<string>() };
let before = { concern: 0, consent: 0 };

const SERVICES = ['hub', 'ase', 'pmi', 'rpe', 'justice'] as const;
/** Tables a refusal legitimately writes to (the refusal is itself recorded). */
const RECORDS_REFUSALS = /audit|notification|migrations|typeorm/;

async function count(service: (typeof SERVICES)[number], table: string): Promise<number> {
  const result = await databases.get(service)?.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${table}"`);
  return Number(result?.rows[0]?.n ?? Number.NaN);
}

/** Row counts of every table that only a successful write changes, per service. */
async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const service of SERVICES) {
    const client = databases.get(service);
    if (!client) throw new Error(`no connection to ${service}`);
    const tables = await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name");
    const names = tables.rows.map((row) => row.table_name).filter((name) => !RECORDS_REFUSALS.test(name));
    if (names.length === 0) continue;
    const sql = names.map((name) => `SELECT '${name}' AS t, count(*)::int AS n FROM "${name}"`).join(' UNION ALL ');
    for (const row of (await client.query<{ t: string; n: number }>(sql)).rows) counts[`${service}.${row.t}`] = row.n;
  }
  return counts;
}

beforeAll(async () => {
  federation = await startTestFederation();
  ports = [...federation.subgraphs.values()].map((subgraph) => Number(new URL(subgraph.url).port));
  ports.push(Number(new URL(testServerUrl()).port));
  for (const service of SERVICES) {
    const client = new pg.Client({ connectionString: withDatabase(testServerUrl(), `${federation.prefix}_${service}`) });
    await client.connect();
    databases.set(service, client);
  }
  before = { concern: await count('rpe', 'concern'), consent: await count('hub', 'consent') };
}, 120_000);

afterAll(async () => {
  for (const client of databases.values()) await client.end();
  await federation?.stop();
});

async function send(entry: AttackRequest): Promise<{ status: number; text: string; ms: number }> {
  const headers: Record<string, string> = { ...entry.headers };
  if (entry.as && entry.as !== 'raw') headers.authorization = `Bearer ${await tokenFor(entry.as)}`;
  const started = performance.now();
  const response = await fetch(`${federation.hubUrl}${entry.search ?? ''}`, { method: entry.method, headers, body: entry.body });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

interface Body {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message?: unknown; path?: unknown; extensions?: { code?: unknown; [key: string]: unknown } }>;
}

const asList = <T>(value: T | readonly T[]): readonly T[] => (Array.isArray(value) ? (value as readonly T[]) : [value as T]);
/** Every root field of `data` is null (or there is no data): nothing was released or done. */
const nothingReturned = (body: Body) => !body.data || Object.values(body.data).every((value) => value === null);

describe('the attack corpus', () => {
  it('holds at least 70 named, distinct hostile requests', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(70);
    expect(new Set(CORPUS.map((entry) => entry.name)).size).toBe(CORPUS.length);
  });

  it.each(CORPUS.map((entry) => ({ ...entry, label: entry.name.slice(0, 140) })))('$label', async (entry) => {
    const countsBefore = await rowCounts();
    const { status, text, ms } = await send(entry);
    let body: Body;
    try {
      body = JSON.parse(text) as Body;
    } catch {
      throw new Error(`not JSON (status ${status}): ${text.slice(0, 200)}`);
    }
    const codes = (body.errors ?? []).map((error) => error.extensions?.code);
    const refused = codes.length > 0 && nothingReturned(body);
    const report = { status, codes, ms: Math.round(ms), leaks: leaksIn(text, { ports, requestText: `${entry.body ?? ''}${entry.search ?? ''}`, refused }) };

    // The rules for every answer.
    expect(report.status).toBeLessThan(500);
    for (const code of codes) {
      expect(typeof code).toBe('string');
      expect(ALLOWED_CODES).toContain(code);
    }
    for (const error of body.errors ?? []) expect(typeof error.message).toBe('string');
    expect(report.leaks).toEqual([]);
    expect(report.ms).toBeLessThan(10_000);

    // The entry's own expectation: status and the first error's code (null: no error).
    expect(asList(entry.expect.status)).toContain(status);
    expect(asList(entry.expect.code)).toContain(codes[0] ?? null);

    // A refusal writes nothing; an accepted write is remembered for the final count.
    const countsAfter = await rowCounts();
    if (refused || status >= 400) expect(countsAfter).toEqual(countsBefore);
    const written = body.data ?? {};
    if (typeof (written.flagConcern as { id?: unknown } | null)?.id === 'string') acceptedWrites.concern.add((written.flagConcern as { id: string }).id);
    if (typeof (written.recordConsent as { id?: unknown } | null)?.id === 'string') acceptedWrites.consent.add((written.recordConsent as { id: string }).id);
  });

  describe('after the whole corpus', () => {
    it('the audit chain is intact', async () => {
      const response = await hubPost(federation.hubUrl, 'agent-dpo-marc', '{ auditIntegrity { ok checkedEntries firstBrokenEntryId } }');
      expect(response.body).toEqual({ data: { auditIntegrity: { ok: true, checkedEntries: expect.any(Number), firstBrokenEntryId: null } } });
    });

    it('only the accepted writes added concerns and consents', async () => {
      expect({ concern: await count('rpe', 'concern'), consent: await count('hub', 'consent') }).toEqual({
        concern: before.concern + acceptedWrites.concern.size,
        consent: before.consent + acceptedWrites.consent.size,
      });
    });

    it('every service still answers an ordinary journey query', async () => {
      const response = await hubPost(federation.hubUrl, 'agent-ase-julien', '{ child(id: "child-lea") { id protectionStatus { level } pmiFollowUp { id } childcare { id } courtDecisions { id } } }');
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data).toEqual({ child: { id: 'child-lea', protectionStatus: { level: 'JUDICIAL_MEASURE' }, pmiFollowUp: { id: 'followup-lea' }, childcare: [{ id: 'arrangement-lea' }], courtDecisions: [{ id: 'decision-lea-aemo' }] } });
    });
  });
});
