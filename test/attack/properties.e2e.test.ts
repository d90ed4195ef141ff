import fc from 'fast-check';
import pg from 'pg';
import { withDatabase } from '../../common/src/db/databases';
import { DEMO_CHILDREN } from '../../gateway/src/directory/seed';
import { testServerUrl } from '../support/databases';
import { startTestFederation, type TestFederation } from '../support/in-process-federation';
import { type DemoAgentId, tokenFor } from '../support/tokens';
import { AGENTS, CHILDREN, type DemoAgent, rule, SEEDED_RELATIONSHIPS } from '../e2e/policy-oracle';
import { CHILD_FIELD_CATEGORY, render, rootSelections, type Selection } from './documents.arbitrary';
import { parisDay } from './corpus';
import { ALLOWED_CODES, leaksIn } from './leaks';

/**
 * Issue 6, item 3: generated inputs against the running hub (fast-check). Each property has
 * its own explicit numRuns and a fixed seed (printed by fast-check on failure, with the path
 * to replay the shrunk counterexample). 2,000 runs in all.
 */
const SEED = 20_261_106;
const RUNS = { childIdPrintable: 400, childIdAnyUnicode: 100, flagConcern: 400, documents: 400, authorization: 700 } as const;

let federation: TestFederation;
let rpe: pg.Client;
let ports: number[] = [];
const tokens = new Map<string, string>();

beforeAll(async () => {
  federation = await startTestFederation();
  ports = [...federation.subgraphs.values()].map((subgraph) => Number(new URL(subgraph.url).port));
  rpe = new pg.Client({ connectionString: withDatabase(testServerUrl(), `${federation.prefix}_rpe`) });
  await rpe.connect();
  for (const agent of AGENTS) tokens.set(agent.id, await tokenFor(agent.id));
}, 120_000);
afterAll(async () => {
  await rpe?.end();
  await federation?.stop();
});

interface Answer {
  status: number;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }> };
}

async function post(authorization: string | null, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== null) headers.authorization = authorization;
  const response = await fetch(federation.hubUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Answer['body'] };
}
const as = (agent: DemoAgent, query: string, variables: Record<string, unknown> = {}) => post(`Bearer ${tokens.get(agent.id) ?? ''}`, query, variables);
const codesOf = (answer: Answer) => (answer.body.errors ?? []).map((error) => error.extensions?.code);
const related = (agentId: DemoAgentId, childId: string) => (SEEDED_RELATIONSHIPS[agentId] as readonly string[]).includes(childId);
const FIRST_NAMES = new Map<string, string>(DEMO_CHILDREN.map((child) => [child.id, child.firstName]));

/** The rules for every answer: no 5xx, typed codes from the allowed set, no internals. */
function expectWellFormed(answer: Answer, requestText: string): void {
  expect(answer.status).toBeLessThan(500);
  for (const code of codesOf(answer)) expect(ALLOWED_CODES).toContain(code);
  const refused = codesOf(answer).length > 0 && (!answer.body.data || Object.values(answer.body.data).every((value) => value === null));
  const leaks = leaksIn(answer.text, { ports, requestText, refused }).filter((leak) => !leak.startsWith('personal data'));
  expect(leaks).toEqual([]);
}

const agentArbitrary = fc.constantFrom(...AGENTS);
/** Near misses of the seeded ids, besides arbitrary text. */
const idLike = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CHILDREN) },
  fc.constantFrom(...CHILDREN).map((id) => id.toUpperCase()),
  fc.constantFrom(...CHILDREN).map((id) => ` ${id}`),
  fc.constantFrom(...CHILDREN).map((id) => `${id}%`),
  fc.constantFrom(...CHILDREN).map((id) => `${id}' OR '1'='1`),
  fc.constant('child-%'),
  fc.constant('*'),
);

/** child(id:) for one agent and one raw variable value: the allowed child, or nothing at all. */
const seen = { allowedChild: 0, documentsWithData: 0, validReports: 0 };
async function checkChildLookup(agent: DemoAgent, value: unknown): Promise<void> {
  const query = 'query Lookup($id: ID!) { child(id: $id) { id firstName } }';
  const answer = await as(agent, query, { id: value });
  expectWellFormed(answer, JSON.stringify(value) ?? '');
  const asId = typeof value === 'string' ? value : Number.isInteger(value) ? String(value) : null;
  if (asId !== null && related(agent.id, asId)) {
    expect(answer.body).toEqual({ data: { child: { id: asId, firstName: rule('IDENTITY', agent.role) === 'A' ? FIRST_NAMES.get(asId) : null } } });
    seen.allowedChild += 1;
    return;
  }
  expect(answer.body.data?.child ?? null).toBeNull();
  expect(codesOf(answer).length).toBeGreaterThan(0);
  for (const code of codesOf(answer)) expect(['NOT_FOUND', 'BAD_USER_INPUT']).toContain(code);
  // Never any child's data: no first name at all in the answer.
  for (const name of FIRST_NAMES.values()) expect(answer.text).not.toContain(name);
}

describe('(a) arbitrary values as child(id:)', () => {
  it(`printable strings and JSON values: the allowed child or NOT_FOUND/BAD_USER_INPUT (${RUNS.childIdPrintable} runs)`, async () => {
    const value = fc.oneof({ weight: 3, arbitrary: idLike }, { weight: 2, arbitrary: fc.string({ maxLength: 80 }) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
    await fc.assert(fc.asyncProperty(agentArbitrary, value, checkChildLookup), { numRuns: RUNS.childIdPrintable, seed: SEED });
    // The generator reaches the allowed branch too, not only refusals.
    expect(seen.allowedChild).toBeGreaterThan(RUNS.childIdPrintable / 20);
  });

  it(`any unicode, control characters included: NOT_FOUND/BAD_USER_INPUT, never a failed audit (${RUNS.childIdAnyUnicode} runs)`, async () => {
    const value = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 64 }), fc.string({ unit: 'binary', minLength: 65, maxLength: 3_000 }));
    await fc.assert(fc.asyncProperty(agentArbitrary, value, checkChildLookup), { numRuns: RUNS.childIdAnyUnicode, seed: SEED });
  });
});

describe('(c) arbitrary documents as a random role', () => {
  const CHILD_VALUED = new Set(['child', 'myChildren', 'children']);
  /**
   * Labelled values in `value` (selected by `selections`) that the oracle does not allow:
   * each is decided for the nearest enclosing child (`childId`), by role and relationship.
   */
  function violations(agent: DemoAgent, selections: Selection[], value: unknown, childId: string | null, path: string): string[] {
    if (value === null || value === undefined || typeof value !== 'object') return [];
    if (Array.isArray(value)) return value.flatMap((item, index) => violations(agent, selections, item, childId, `${path}.${index}`));
    const object = value as Record<string, unknown>;
    const allowed = (category: string) => childId !== null && related(agent.id, childId) && rule(category, agent.role) === 'A';
    const found: string[] = [];
    for (const selection of selections) {
      const key = selection.alias ?? selection.field;
      const item = object[key];
      if (item === null || item === undefined) continue;
      const where = `${path}.${key} (${agent.id}, ${childId})`;
      if (CHILD_VALUED.has(selection.field)) {
        if (selection.field === 'children' && !allowed('CONCERN')) found.push(`${where}: CONCERN`);
        const children = Array.isArray(item) ? item : [item];
        children.forEach((child, index) => found.push(...violations(agent, selection.children ?? [], child, (child as { id?: string }).id ?? null, `${path}.${key}.${index}`)));
        continue;
      }
      const category = CHILD_FIELD_CATEGORY[selection.field];
      if (category && !allowed(category)) found.push(`${where}: ${category}`);
      if (selection.field === 'raisedBy' && !allowed('REPORTER_IDENTITY')) found.push(`${where}: REPORTER_IDENTITY`);
      if (selection.field === 'content' && !allowed('COURT_DECISION_CONTENT')) found.push(`${where}: COURT_DECISION_CONTENT`);
      if (selection.field === 'events' && Array.isArray(item)) {
        for (const event of item as Array<{ category?: string }>) if (event.category && !allowed(event.category)) found.push(`${where}: event ${event.category}`);
      }
      if (selection.children) found.push(...violations(agent, selection.children, item, childId, `${path}.${key}`));
    }
    return found;
  }

  it(`never 5xx; every labelled value released is one the oracle allows (${RUNS.documents} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(agentArbitrary, rootSelections, async (agent, root) => {
        const document = render(root);
        const answer = await as(agent, document);
        expectWellFormed(answer, document);
        const data = answer.body.data ?? {};
        for (const selection of root) {
          const item = data[selection.alias ?? selection.field];
          if (selection.field === 'child' && item) expect(related(agent.id, (item as { id: string }).id)).toBe(true);
          if (selection.field === 'myChildren' && Array.isArray(item)) for (const child of item as Array<{ id: string }>) expect(related(agent.id, child.id)).toBe(true);
        }
        expect(violations(agent, root, data, null, 'data')).toEqual([]);
        if (answer.body.data) seen.documentsWithData += 1;
      }),
      { numRuns: RUNS.documents, seed: SEED },
    );
    // Most generated documents are valid and executed (not refused by validation).
    expect(seen.documentsWithData).toBeGreaterThan(RUNS.documents / 2);
    // Its own timeout: the 400 documents took 26 s alone with two CPU burners, about 40 s in
    // a whole run under that load; the 60 s default left less than the 3x a loaded CI machine
    // may need. 180 s still ends a run that hangs.
  }, 180_000);
});

describe('(d) arbitrary Authorization headers', () => {
  const HUB_REFUSAL = { errors: [{ message: 'Authentication required', extensions: { code: 'UNAUTHENTICATED' } }] };
  const headerSafe = (value: string) => value.replace(/[^\x20-\x7e]/g, '').trim();
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const segment = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('')), maxLength: 120 });
  /** A real token with one character changed (never the last of a segment, whose low bits may not count). */
  const tampered = fc.tuple(agentArbitrary, fc.nat(), fc.constantFrom(...'AZaz09-_.'.split(''))).map(([agent, at, replacement]) => {
    const token = tokens.get(agent.id) ?? '';
    const positions = [...token].map((char, index) => index).filter((index) => token[index] !== '.' && token[index + 1] !== '.' && index !== token.length - 1 && token[index] !== replacement);
    const index = positions[at % positions.length];
    return `Bearer ${token.slice(0, index)}${replacement}${token.slice(index + 1)}`;
  });
  const header = fc.oneof(
    fc.string({ maxLength: 200 }).map(headerSafe),
    fc.string({ maxLength: 200 }).map((value) => headerSafe(`Bearer ${value}`)),
    fc.tuple(segment, segment, segment).map(([a, b, c]) => `Bearer ${a}.${b}.${c}`),
    fc.record({ alg: fc.constantFrom('none', 'None', 'HS256', 'ES256', 'RS256', 'EdDSA', ''), kid: fc.option(fc.string({ maxLength: 20 })), payload: fc.jsonValue({ maxDepth: 2 }), signature: segment }).map(
      ({ alg, kid, payload, signature }) => `Bearer ${b64({ alg, typ: 'JWT', ...(kid === null ? {} : { kid }) })}.${b64(payload)}.${signature}`,
    ),
    fc.record({ sub: fc.constantFrom(...AGENTS.map((agent) => agent.id)), role: fc.constantFrom('DPO', 'ASE_MANAGER', 'ADMIN'), alg: fc.constantFrom('none', 'HS256') }).map(
      ({ sub, role, alg }) => `Bearer ${b64({ alg, typ: 'JWT' })}.${b64({ sub, role, name: 'x', institution: 'ASE-75', exp: 4_102_444_800 })}.`,
    ),
    tampered,
  );

  it(`answers 401 UNAUTHENTICATED and nothing else (${RUNS.authorization} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(header, async (authorization) => {
        const answer = await post(authorization, '{ me { id } child(id: "child-lea") { firstName } }');
        expect({ status: answer.status, body: answer.body }).toEqual({ status: 401, body: HUB_REFUSAL });
      }),
      { numRuns: RUNS.authorization, seed: SEED },
    );
  });
});

// Last: the concerns it raises create relationships (the CRIP's, the ASE head's) that the
// seeded oracle of (c) does not know.
describe('(b) arbitrary flagConcern inputs as Amina', () => {
  const AMINA = AGENTS.find((agent) => agent.id === 'agent-rpe-amina') as DemoAgent;
  const AMINA_CHILDREN = SEEDED_RELATIONSHIPS['agent-rpe-amina'];
  const CATEGORIES = ['SAFETY', 'HYGIENE', 'OVERCAPACITY', 'NEGLECT', 'VIOLENCE', 'OTHER'];
  const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'];
  const KEY = /^[A-Za-z0-9._:-]{8,128}$/;
  let keys = 0;
  // Free text without NUL (PostgreSQL text cannot hold it; that case is the corpus's).
  const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max }).map((value) => value.replace(/\u0000/g, ''));
  const freshKey = () => `prop-${process.pid}-${(keys += 1)}-${Date.now()}`;
  /** A valid report: Amina's children, her childminder, a day of the last year, some text. */
  const valid = fc.record({
    idempotencyKey: fc.constant(null).map(freshKey),
    childIds: fc.subarray([...AMINA_CHILDREN], { minLength: 1 }),
    childminderId: fc.constantFrom(undefined, null, 'childminder-sophie'),
    category: fc.constantFrom(...CATEGORIES),
    severity: fc.constantFrom(...SEVERITIES),
    observedAt: fc.integer({ min: -360, max: -1 }).map((days) => parisDay(days)),
    description: fc.oneof(text(200).filter((value) => value.trim().length > 0), fc.string({ minLength: 4_990, maxLength: 5_000, unit: 'grapheme-ascii' })),
  });
  /** Hostile replacements, field by field. */
  const hostile = fc.record({
    idempotencyKey: fc.oneof(text(20), fc.constant('short'), fc.constant(`${'k'.repeat(129)}`)),
    childIds: fc.oneof(fc.constant([]), fc.array(fc.oneof(fc.constantFrom(...CHILDREN), text(12)), { minLength: 1, maxLength: 4 }), fc.constant(['child-noah', 'child-noah'])),
    childminderId: fc.oneof(fc.constant(''), fc.constant('childminder-other'), text(12)),
    category: text(8),
    severity: fc.oneof(text(8), fc.constant('urgent')),
    observedAt: fc.oneof(fc.integer({ min: -3_000, max: -380 }).map((days) => parisDay(days)), fc.integer({ min: 1, max: 400 }).map((days) => parisDay(days)), text(12), fc.constantFrom('2025-02-30', '0000-01-01', '9999-12-31')),
    description: fc.oneof(fc.constant(' \n\t '), fc.constant(''), fc.string({ minLength: 5_001, maxLength: 5_020, unit: 'grapheme-ascii' })),
  });
  const FIELDS = ['idempotencyKey', 'childIds', 'childminderId', 'category', 'severity', 'observedAt', 'description'] as const;
  /** A valid report, or one with some of its fields replaced by hostile values. */
  const input = fc.oneof(
    valid,
    fc.tuple(valid, hostile, fc.subarray([...FIELDS], { minLength: 1 })).map(([base, bad, fields]) => ({ ...base, ...Object.fromEntries(fields.map((field) => [field, bad[field]])) })),
    fc.tuple(valid, hostile, fc.subarray([...FIELDS], { minLength: 1 })).map(([base, bad, fields]) => ({ ...base, ...Object.fromEntries(fields.map((field) => [field, bad[field]])) })),
  );

  /** The test's own reading of the rules (DESIGN.md, the input types): is this a valid report? */
  function isValid(value: Record<string, unknown>): boolean {
    const today = parisDay(0);
    const yearAgo = parisDay(-365);
    const { idempotencyKey, childIds, childminderId, category, severity, observedAt, description } = value as Record<string, unknown> & { childIds: string[]; description: string; observedAt: string };
    return (
      typeof idempotencyKey === 'string' && KEY.test(idempotencyKey) &&
      childIds.length >= 1 && new Set(childIds).size === childIds.length && childIds.every((id) => (AMINA_CHILDREN as readonly string[]).includes(id)) &&
      (childminderId === undefined || childminderId === null || childminderId === 'childminder-sophie') &&
      CATEGORIES.includes(category as string) && SEVERITIES.includes(severity as string) &&
      /^\d{4}-\d{2}-\d{2}$/.test(observedAt) && observedAt <= today && observedAt > yearAgo &&
      description.trim().length >= 1 && description.trim().length <= 5_000
    );
  }
  const concerns = async () => Number((await rpe.query<{ n: string }>('SELECT count(*)::text AS n FROM concern')).rows[0].n);

  it(`never 5xx; a valid report is one more concern, anything else a typed refusal naming a field (${RUNS.flagConcern} runs)`, async () => {
    const FLAG = 'mutation Flag($input: FlagConcernInput!) { flagConcern(input: $input) { id status children { id } } }';
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        const before = await concerns();
        const answer = await as(AMINA, FLAG, { input: value });
        expectWellFormed(answer, JSON.stringify(value));
        const after = await concerns();
        const concern = answer.body.data?.flagConcern as { id: string; status: string; children: Array<{ id: string }> } | null | undefined;
        if (isValid(value)) {
          expect(codesOf(answer)).toEqual([]);
          expect(concern?.status).toBe('SUBMITTED');
          expect(concern?.children.map((child) => child.id).sort()).toEqual([...(value.childIds as string[])].sort());
          expect(after).toBe(before + 1);
          seen.validReports += 1;
        } else {
          expect(concern ?? null).toBeNull();
          expect(after).toBe(before);
          const [first] = answer.body.errors ?? [];
          expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(first?.extensions?.code);
          // Coercion errors name the variable path; resolver errors carry `field`.
          expect(typeof first?.extensions?.field === 'string' || /\$input/.test(first?.message ?? '')).toBe(true);
        }
      }),
      { numRuns: RUNS.flagConcern, seed: SEED },
    );
    expect(seen.validReports).toBeGreaterThan(RUNS.flagConcern / 10);
  });
});
