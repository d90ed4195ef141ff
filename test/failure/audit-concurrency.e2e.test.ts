import pg from 'pg';
import { withDatabase } from '../../common/src/db/databases';
import { testServerUrl } from '../support/databases';
import { hubPost } from '../support/hub-client';
import { parisDay } from '../support/paris-day';
import { type ProcessFederation, startProcessFederation, startTwinHub } from '../support/process-federation';
import type { DemoAgentId } from '../support/tokens';
import { AUDIT_UNAVAILABLE_AFTER_WRITE } from '../../gateway/src/plugins/policy-executor';

/**
 * Issue 6, "Writes that lose nothing and double nothing": two hub processes append to one
 * audit chain at once and it stays valid, one entry per response that touched child data;
 * with INSERT on the audit table taken away from the hub's role, the hub releases nothing
 * (AUDIT_UNAVAILABLE), and serves again once it is given back.
 */
let federation: ProcessFederation;
let twin: Awaited<ReturnType<typeof startTwinHub>>;
beforeAll(async () => {
  federation = await startProcessFederation(testServerUrl());
  twin = await startTwinHub(federation);
}, 120_000);
afterAll(async () => {
  await twin?.stop();
  await federation?.teardown();
}, 30_000);

// Readers and children they have a care relationship with (DESIGN.md demo scenario).
const READS: Array<[DemoAgentId, string]> = [
  ['agent-ase-julien', 'child-lea'],
  ['agent-pmi-claire', 'child-noah'],
  ['agent-tj-helene', 'child-ines'],
  ['agent-crip-karim', 'child-sacha'],
  ['agent-rpe-amina', 'child-lea'],
  ['agent-pmi-hugo', 'child-ines'],
];
const READ = `query Read($id: ID!) { child(id: $id) { id firstName protectionStatus { level } } }`;
const INTEGRITY = `query Integrity { auditIntegrity { ok checkedEntries firstBrokenEntryId } }`;
// The column grant of gateway/migrations/1732300003000-audit-log.ts, to put back as it was.
const AUDIT_COLUMNS = 'id, at, agent_id, role, institution, operation_name, operation_hash, child_ids, released, withheld, prev_hash, hash';

type Read = { child: { id: string } | null };
const read = (url: string, [as, id]: [DemoAgentId, string]) => hubPost<Read>(url, as, READ, { id }, 'Read');
const integrity = async () => (await hubPost<{ auditIntegrity: unknown }>(federation.hubUrl, 'agent-dpo-marc', INTEGRITY)).body;

async function asSuperuser(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(federation.serverUrl, `${federation.prefix}_hub`) });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

describe('two hub processes writing the audit chain at once', () => {
  const TOTAL = 200;
  let childDataResponses = 0;
  let otherAnswers: unknown[] = [];

  beforeAll(async () => {
    const urls = [federation.hubUrl, twin.url];
    let next = 0;
    const answers: Array<Awaited<ReturnType<typeof read>>> = [];
    const worker = async () => {
      while (next < TOTAL) {
        const i = next++;
        answers.push(await read(urls[i % 2], READS[i % READS.length]));
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    childDataResponses = answers.filter((answer) => answer.status === 200 && answer.body.data?.child).length;
    otherAnswers = answers.filter((answer) => !(answer.status === 200 && answer.body.data?.child)).map((answer) => answer.body);
  }, 60_000);

  it('answered every one of the 200 interleaved reads with the child', () => {
    expect(otherAnswers).toEqual([]);
    expect(childDataResponses).toBe(TOTAL);
  });

  it('keeps one valid chain with exactly one entry per child-data response', async () => {
    expect(await integrity()).toEqual({ data: { auditIntegrity: { ok: true, checkedEntries: childDataResponses, firstBrokenEntryId: null } } });
  });
});

describe('INSERT on audit_entry revoked from the hub’s runtime role', () => {
  const JULIEN_LEA: [DemoAgentId, string] = ['agent-ase-julien', 'child-lea'];
  let refused: Array<Awaited<ReturnType<typeof read>>> = [];
  let entriesBefore = 0;
  let flagged: Awaited<ReturnType<typeof flag>>;
  // Yesterday, once for the three sends of the same key: a fixed date would be refused (more
  // than a year ago) from its first anniversary on.
  const observedAt = parisDay(-1);
  const flag = () =>
    hubPost<{ flagConcern: { id: string } }>(federation.hubUrl, 'agent-rpe-amina', `mutation Flag($input: FlagConcernInput!) { flagConcern(input: $input) { id } }`, {
      input: { idempotencyKey: 'audit-revoked-flag', childIds: ['child-noah'], category: 'SAFETY', severity: 'LOW', observedAt, description: 'Observation fictive.' },
    });

  beforeAll(async () => {
    entriesBefore = ((await integrity()).data?.auditIntegrity as { checkedEntries: number }).checkedEntries;
    await asSuperuser('REVOKE INSERT ON audit_entry FROM cp_hub_runtime');
    try {
      refused = await Promise.all([read(federation.hubUrl, JULIEN_LEA), read(twin.url, JULIEN_LEA)]);
      flagged = await flag();
    } finally {
      await asSuperuser(`GRANT INSERT (${AUDIT_COLUMNS}) ON audit_entry TO cp_hub_runtime`);
    }
  }, 30_000);

  it('answers AUDIT_UNAVAILABLE with no data at all, on both hubs (fail closed)', () => {
    for (const answer of refused) {
      expect(answer.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'AUDIT_UNAVAILABLE' } }] });
      expect(JSON.stringify(answer.body)).not.toMatch(/Léa|Martin|JUDICIAL/);
    }
  });

  it('says so with a server-side status (503, or 200 with the error), not a client error', () => {
    for (const answer of refused) expect([200, 503]).toContain(answer.status);
  });

  it('serves again, with its audit entry, once INSERT is granted back', async () => {
    for (const url of [federation.hubUrl, twin.url]) {
      const answer = await read(url, JULIEN_LEA);
      expect(answer).toEqual({ status: 200, body: { data: { child: { id: 'child-lea', firstName: 'Léa', protectionStatus: { level: 'JUDICIAL_MEASURE' } } } } });
    }
    expect(await integrity()).toEqual({ data: { auditIntegrity: { ok: true, checkedEntries: entriesBefore + 2, firstBrokenEntryId: null } } });
  });

  // The concern reached the relais before the audit failed: the answer must not read as
  // "nothing happened", or the client writes it again under a new key.
  it('tells a writer its write may have been made, and the retry with its key returns it', async () => {
    expect(flagged).toEqual({ status: 503, body: { errors: [{ message: AUDIT_UNAVAILABLE_AFTER_WRITE, extensions: { code: 'AUDIT_UNAVAILABLE' } }] } });
    const [first, again] = [await flag(), await flag()];
    expect(first.body.data?.flagConcern.id).toMatch(/^concern-/);
    expect(again.body).toEqual(first.body);
  });
});
