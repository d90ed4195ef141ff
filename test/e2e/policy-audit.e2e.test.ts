import pg from 'pg';
import { withDatabase } from '../../common/src/db/databases';
import { testServerUrl } from '../support/databases';
import { hubPost } from '../support/hub-client';
import { startTestFederation, type TestFederation } from '../support/in-process-federation';
import { signDevToken } from '../../dev/sign-dev-token';
import { Role } from '../../common/src/domain';
import type { DemoAgentId } from '../support/tokens';
import { relateThroughAConcern, signedAgent } from './other-departement';
import { parisDay } from './policy-oracle';

/**
 * The audit log as the DPO reads it: one entry per response that released or withheld
 * child data, with what was released and withheld, hash-chained so that an edit shows.
 */
let federation: TestFederation;

interface Reason { category: string; reason: string; count: number }
interface Node { id: string; agentId: string; role: string; institution: string; operationName: string | null; childIds: string[]; released: string[]; withheld: string[]; withheldReasons: Reason[] }
interface Page { auditTrail: { edges: Array<{ cursor: string; node: Node }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }

const TRAIL = `query Trail($first: Int, $after: String, $childId: ID, $agentId: ID) {
  auditTrail(first: $first, after: $after, childId: $childId, agentId: $agentId) {
    edges { cursor node { id agentId role institution operationName childIds released withheld withheldReasons { category reason count } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const INTEGRITY = `query Integrity { auditIntegrity { ok checkedEntries firstBrokenEntryId } }`;

/** The reads of this file, oldest first, and the entry each must leave. */
const READS: ReadonlyArray<{ as: DemoAgentId; query: string; entry: Omit<Node, 'id' | 'institution' | 'role'> }> = [
  {
    as: 'agent-pmi-claire',
    query: `query ClaireReadsLea { child(id: "child-lea") { firstName protectionStatus { level } courtDecisions { id } healthRecord { checks { id } } childcare { id } } }`,
    entry: {
      agentId: 'agent-pmi-claire', operationName: 'ClaireReadsLea', childIds: ['child-lea'],
      released: ['HEALTH_DETAILS', 'IDENTITY', 'PROTECTION_STATUS'], withheld: ['CHILDCARE', 'COURT_DECISION'],
      withheldReasons: [{ category: 'CHILDCARE', reason: 'CONSENT_REQUIRED', count: 1 }, { category: 'COURT_DECISION', reason: 'FORBIDDEN_CATEGORY', count: 1 }],
    },
  },
  {
    as: 'agent-pmi-claire',
    query: `query ClaireTriesInes { child(id: "child-ines") { firstName } }`,
    entry: {
      agentId: 'agent-pmi-claire', operationName: 'ClaireTriesInes', childIds: ['child-ines'],
      released: [], withheld: ['IDENTITY'], withheldReasons: [{ category: 'IDENTITY', reason: 'NOT_FOUND', count: 1 }],
    },
  },
  {
    // The same ask inside an inline fragment runs as a root field all the same.
    as: 'agent-pmi-claire',
    query: `query ClaireTriesInesInFragment { ... on Query { child(id: "child-ines") { firstName } } }`,
    entry: {
      agentId: 'agent-pmi-claire', operationName: 'ClaireTriesInesInFragment', childIds: ['child-ines'],
      released: [], withheld: ['IDENTITY'], withheldReasons: [{ category: 'IDENTITY', reason: 'NOT_FOUND', count: 1 }],
    },
  },
  {
    // And through a variable's default value, with no variables sent.
    as: 'agent-pmi-claire',
    query: `query ClaireTriesInesByDefault($id: ID! = "child-ines") { child(id: $id) { firstName } }`,
    entry: {
      agentId: 'agent-pmi-claire', operationName: 'ClaireTriesInesByDefault', childIds: ['child-ines'],
      released: [], withheld: ['IDENTITY'], withheldReasons: [{ category: 'IDENTITY', reason: 'NOT_FOUND', count: 1 }],
    },
  },
  {
    // Text typed where an id goes (a name, a birth date) is counted, never stored.
    as: 'agent-pmi-claire',
    query: `query ClaireTypesAName { child(id: "Camille.Martin.2023-04-12") { firstName } }`,
    entry: {
      agentId: 'agent-pmi-claire', operationName: 'ClaireTypesAName', childIds: [],
      released: [], withheld: ['IDENTITY'], withheldReasons: [{ category: 'IDENTITY', reason: 'NOT_FOUND', count: 1 }],
    },
  },
  {
    // A number is an ID too: counted all the same, and not stored either.
    as: 'agent-pmi-claire',
    query: `query ClaireTypesANumber { child(id: 33612345678) { firstName } }`,
    entry: {
      agentId: 'agent-pmi-claire', operationName: 'ClaireTypesANumber', childIds: [],
      released: [], withheld: ['IDENTITY'], withheldReasons: [{ category: 'IDENTITY', reason: 'NOT_FOUND', count: 1 }],
    },
  },
  {
    as: 'agent-ase-julien',
    query: `query JulienReadsInes { child(id: "child-ines") { firstName placement { id } healthRecord { checks { id } } } }`,
    entry: {
      agentId: 'agent-ase-julien', operationName: 'JulienReadsInes', childIds: ['child-ines'],
      released: ['IDENTITY', 'PLACEMENT_LOCATION'], withheld: ['HEALTH_DETAILS'], withheldReasons: [{ category: 'HEALTH_DETAILS', reason: 'CONSENT_REQUIRED', count: 1 }],
    },
  },
  {
    as: 'agent-rpe-amina',
    query: `query AminaReadsSacha { child(id: "child-sacha") { firstName concerns { id raisedBy { name } } protectionStatus { level } } }`,
    entry: {
      agentId: 'agent-rpe-amina', operationName: 'AminaReadsSacha', childIds: ['child-sacha'],
      released: ['CONCERN', 'IDENTITY', 'REPORTER_IDENTITY'], withheld: ['PROTECTION_STATUS'], withheldReasons: [{ category: 'PROTECTION_STATUS', reason: 'FORBIDDEN_CATEGORY', count: 1 }],
    },
  },
  {
    as: 'agent-tj-helene',
    query: `query HeleneReadsBoth { lea: child(id: "child-lea") { courtDecisions { id content } } ines: child(id: "child-ines") { courtDecisions { id } } }`,
    entry: {
      agentId: 'agent-tj-helene', operationName: 'HeleneReadsBoth', childIds: ['child-ines', 'child-lea'],
      released: ['COURT_DECISION', 'COURT_DECISION_CONTENT'], withheld: [], withheldReasons: [],
    },
  },
];
const ROLE_OF: Record<string, [string, string]> = {
  'agent-pmi-claire': ['PMI_NURSE', 'PMI-75'], 'agent-ase-julien': ['ASE_REFERENT', 'ASE-75'], 'agent-rpe-amina': ['RPE_COORDINATOR', 'RPE-75-11'], 'agent-tj-helene': ['JUDGE', 'TJ-PARIS'],
};
/** Newest first, as the trail lists them. */
const EXPECTED = READS.map(({ entry }) => ({ ...entry, id: expect.any(String), role: ROLE_OF[entry.agentId][0], institution: ROLE_OF[entry.agentId][1] })).reverse();

const sortReasons = (node: Node): Node => ({ ...node, withheldReasons: [...node.withheldReasons].sort((a, b) => a.category.localeCompare(b.category)) });
async function trail(as: DemoAgentId | { authorization: string }, variables: Record<string, unknown> = {}): Promise<Page['auditTrail']> {
  const res = await hubPost<Page>(federation.hubUrl, as, TRAIL, variables);
  if (!res.body.data) throw new Error(`auditTrail failed: ${JSON.stringify(res.body)}`);
  return res.body.data.auditTrail;
}

beforeAll(async () => {
  federation = await startTestFederation();
  for (const read of READS) await hubPost(federation.hubUrl, read.as, read.query);
  // Responses without child data leave no entry.
  await hubPost(federation.hubUrl, 'agent-pmi-claire', `query Me { me { id } }`);
  await hubPost(federation.hubUrl, 'agent-dpo-marc', INTEGRITY);
});
afterAll(() => federation.stop());

describe('auditTrail', () => {
  it('shows the DPO every entry, newest first', async () => {
    const page = await trail('agent-dpo-marc', { first: 50 });
    expect(page.edges.map((edge) => sortReasons(edge.node))).toEqual(EXPECTED);
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: page.edges[page.edges.length - 1].cursor });
  });

  it.each([
    ['a child', { childId: 'child-ines' }, ['HeleneReadsBoth', 'JulienReadsInes', 'ClaireTriesInesByDefault', 'ClaireTriesInesInFragment', 'ClaireTriesInes']],
    ['an agent', { agentId: 'agent-pmi-claire' }, ['ClaireTypesANumber', 'ClaireTypesAName', 'ClaireTriesInesByDefault', 'ClaireTriesInesInFragment', 'ClaireTriesInes', 'ClaireReadsLea']],
    ['a child and an agent', { childId: 'child-lea', agentId: 'agent-tj-helene' }, ['HeleneReadsBoth']],
    ['a child nobody read', { childId: 'child-noah' }, []],
  ])('filters by %s', async (_label, filter, operations) => {
    const page = await trail('agent-dpo-marc', filter);
    expect(page.edges.map((edge) => edge.node.operationName)).toEqual(operations);
  });

  it('pages with first and after, without gaps or repeats', async () => {
    const all = (await trail('agent-dpo-marc')).edges.map((edge) => edge.node.id);
    const pages: Array<{ ids: string[]; hasNextPage: boolean }> = [];
    let after: string | null = null;
    do {
      const page = await trail('agent-dpo-marc', { first: 2, after });
      pages.push({ ids: page.edges.map((edge) => edge.node.id), hasNextPage: page.pageInfo.hasNextPage });
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null && pages.length < 10);
    // Pages of two over every entry, the last one saying there is no next page.
    expect(all).toHaveLength(READS.length);
    const expected = [];
    for (let start = 0; start < all.length; start += 2) expected.push({ ids: all.slice(start, start + 2), hasNextPage: start + 2 < all.length });
    expect(pages).toEqual(expected);
  });

  it('refuses an operation name longer than 100 characters, and records nothing', async () => {
    const before = (await trail('agent-dpo-marc', { first: 200 })).edges.length;
    const named = (name: string) => hubPost(federation.hubUrl, 'agent-pmi-claire', `query ${name} { child(id: "child-lea") { firstName } }`);
    const refused = await named(`A${'b'.repeat(100)}`);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_USER_INPUT', field: 'operationName' } }] });
    expect((await trail('agent-dpo-marc', { first: 200 })).edges.length).toBe(before);
    // One character fewer is accepted (a query of no child: it leaves no entry either).
    const accepted = await hubPost(federation.hubUrl, 'agent-pmi-claire', `query A${'b'.repeat(99)} { me { id } }`);
    expect(accepted.body).toEqual({ data: { me: { id: 'agent-pmi-claire' } } });
  });

  it.each([
    ['a malformed cursor', { after: 'not-a-cursor' }, 'after'],
    ['a page size of zero', { first: 0 }, 'first'],
  ])('refuses %s as BAD_USER_INPUT', async (_label, variables, field) => {
    const res = await hubPost(federation.hubUrl, 'agent-dpo-marc', TRAIL, variables);
    expect(res.body).toEqual({ data: null, errors: [{ message: expect.any(String), path: ['auditTrail'], extensions: { code: 'BAD_USER_INPUT', field } }] });
  });

  it.each([
    ['a référent', 'agent-ase-julien', TRAIL],
    ['a judge', 'agent-tj-helene', TRAIL],
    ['the ASE head', 'agent-ase-nathalie', INTEGRITY],
  ] as const)('is FORBIDDEN to %s', async (_label, as, query) => {
    const res = await hubPost(federation.hubUrl, as, query);
    expect(res.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'FORBIDDEN' } }] });
  });
});

describe('auditIntegrity', () => {
  it('verifies the untouched chain', async () => {
    const res = await hubPost(federation.hubUrl, 'agent-dpo-marc', INTEGRITY);
    expect(res.body).toEqual({ data: { auditIntegrity: { ok: true, checkedEntries: READS.length, firstBrokenEntryId: null } } });
  });

  it('names exactly the entry a superuser edited behind the triggers', async () => {
    const oldestFirst = [...(await trail('agent-dpo-marc')).edges].reverse().map((edge) => edge.node);
    const target = oldestFirst[1];
    expect(target.operationName).toBe('ClaireTriesInes');

    const client = new pg.Client({ connectionString: withDatabase(testServerUrl(), `${federation.prefix}_hub`) });
    await client.connect();
    try {
      // The triggers refuse the edit to anyone who does not bypass them.
      await expect(client.query(`UPDATE audit_entry SET released = ARRAY['IDENTITY'] WHERE id = $1`, [target.id])).rejects.toThrow(/append-only/);
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      const update = await client.query(`UPDATE audit_entry SET released = ARRAY['IDENTITY'] WHERE id = $1`, [target.id]);
      await client.query('COMMIT');
      expect(update.rowCount).toBe(1);
    } finally {
      await client.end();
    }

    const res = await hubPost(federation.hubUrl, 'agent-dpo-marc', INTEGRITY);
    expect(res.body).toEqual({ data: { auditIntegrity: { ok: false, checkedEntries: 2, firstBrokenEntryId: target.id } } });
  });
});

/** Kept last: it writes entries of its own. */
describe('the ASE head’s trail: one child of her département at a time', () => {
  // An ASE head of another département, with a valid token (the hub checks only the kind).
  let elsewhere: { authorization: string };
  let outsider = '';
  beforeAll(async () => {
    elsewhere = { authorization: `Bearer ${await signDevToken({ id: 'agent-ase13-head', name: 'Cheffe fictive', role: Role.ASE_MANAGER, institution: 'ASE-13' })}` };
    // A child only the PMI knows: Hugo registers and follows it, then reads it with Inès.
    const registered = await hubPost<{ registerChild: { id: string } }>(federation.hubUrl, 'agent-pmi-hugo', `mutation R($input: RegisterChildInput!) { registerChild(input: $input) { id } }`, {
      input: { idempotencyKey: 'audit-outsider', firstName: 'Enfant', lastName: 'Fictif', birthDate: '2025-02-01' },
    });
    outsider = registered.body.data?.registerChild.id ?? '';
    const followed = await hubPost(federation.hubUrl, 'agent-pmi-hugo', `mutation F($input: StartFollowUpInput!) { startFollowUp(input: $input) { id } }`, {
      input: { idempotencyKey: 'audit-outsider-follow', childId: outsider, nurseId: 'agent-pmi-hugo', since: '2025-03-01' },
    });
    expect(followed.body.errors).toBeUndefined();
    const read = await hubPost(federation.hubUrl, 'agent-pmi-hugo', `query HugoReadsTwo($a: ID!) { a: child(id: $a) { firstName } ines: child(id: "child-ines") { firstName } }`, { a: outsider });
    expect(read.body.errors).toBeUndefined();
  });

  it('lists the entries naming her child, naming no child she has no relationship with', async () => {
    const page = await trail('agent-ase-nathalie', { childId: 'child-ines' });
    const dpo = await trail('agent-dpo-marc', { childId: 'child-ines' });
    expect(page.edges.map((edge) => edge.node.id)).toEqual(dpo.edges.map((edge) => edge.node.id));
    expect(page.edges.map((edge) => [edge.node.operationName, edge.node.childIds])).toEqual([
      ['HugoReadsTwo', ['child-ines']],
      ['HeleneReadsBoth', ['child-ines', 'child-lea']],
      ['JulienReadsInes', ['child-ines']],
      ['ClaireTriesInesByDefault', ['child-ines']],
      ['ClaireTriesInesInFragment', ['child-ines']],
      ['ClaireTriesInes', ['child-ines']],
    ]);
    // The DPO sees the entry whole.
    expect(dpo.edges[0].node.childIds).toEqual([outsider, 'child-ines'].sort());
  });

  it.each([
    ['a child she has no relationship with', () => ({ childId: outsider })],
    ['an id nobody registered', () => ({ childId: 'child-nobody' })],
  ])('answers %s as NOT_FOUND, as child(id:) does', async (_label, variables) => {
    const res = await hubPost(federation.hubUrl, 'agent-ase-nathalie', TRAIL, variables());
    expect(res.body).toEqual({ data: null, errors: [{ message: 'Child not found', path: ['auditTrail'], extensions: { code: 'NOT_FOUND' } }] });
  });

  it('answers an ASE head of another département NOT_FOUND for a Paris child', async () => {
    const res = await hubPost(federation.hubUrl, elsewhere, TRAIL, { childId: 'child-lea' });
    expect(res.body).toEqual({ data: null, errors: [{ message: 'Child not found', path: ['auditTrail'], extensions: { code: 'NOT_FOUND' } }] });
  });

  it('lists, without a child, the entries naming one of hers, page by page, each naming only hers', async () => {
    const all = await trail('agent-ase-nathalie', { first: 200 });
    const dpo = await trail('agent-dpo-marc', { first: 200 });
    const ids = all.edges.map((edge) => edge.node.id);
    // The DPO's entries, in the same order, less those naming none of her children.
    expect(ids).toEqual(dpo.edges.map((edge) => edge.node.id).filter((id) => ids.includes(id)));
    expect(ids.length).toBeGreaterThan(3);
    expect(all.edges.every((edge) => edge.node.childIds.length > 0)).toBe(true);
    expect(JSON.stringify(all)).not.toContain(outsider);
    expect(all.edges.find((edge) => edge.node.operationName === 'HugoReadsTwo')?.node.childIds).toEqual(['child-ines']);
    // Claire's look at an id nobody registered names no child: not hers to see.
    expect(all.edges.map((edge) => edge.node.operationName)).not.toContain('ClaireTypesAName');
    // Pages of two give the same entries.
    const paged: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const next = await trail('agent-ase-nathalie', { first: 2, after });
      paged.push(...next.edges.map((edge) => edge.node.id));
      if (!next.pageInfo.hasNextPage) break;
      after = next.pageInfo.endCursor;
    }
    expect(paged).toEqual(ids);
  });

  it('lists, without a child, an agent’s looks at her children only', async () => {
    const page = await trail('agent-ase-nathalie', { agentId: 'agent-ase-julien' });
    expect(page.edges.map((edge) => [edge.node.operationName, edge.node.childIds])).toEqual([['JulienReadsInes', ['child-ines']]]);
  });

  it('lists nothing, without a child, to an ASE head of another département', async () => {
    const page = await trail(elsewhere, { first: 200 });
    expect(page).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});

/** Kept last: it writes entries of its own. */
describe('consents in an answer', () => {
  // They name the child and a parent: audited as a release of the child's identity.
  it('are audited, read, recorded or revoked', async () => {
    const JULIEN = 'agent-ase-julien';
    const recorded = await hubPost<{ recordConsent: { id: string } }>(federation.hubUrl, JULIEN, `mutation ConsentGiven($input: ConsentInput!) { recordConsent(input: $input) { id grantedBy } }`, {
      input: { idempotencyKey: 'audit-consent', childId: 'child-lea', categories: ['HEALTH_DETAILS'], recipientRole: 'ASE_REFERENT', grantedBy: 'Parent fictif (père)', validFrom: '2026-01-01' },
    });
    const id = recorded.body.data?.recordConsent.id;
    expect(id).toBeDefined();
    await hubPost(federation.hubUrl, JULIEN, `query ConsentsRead { consents(childId: "child-lea") { id grantedBy } }`);
    await hubPost(federation.hubUrl, JULIEN, `mutation ConsentRevoked($id: ID!) { revokeConsent(id: $id) { id grantedBy } }`, { id });
    // The same key for another child is refused: nothing released, nothing audited.
    const refused = await hubPost(federation.hubUrl, JULIEN, `mutation ConsentRefused($input: ConsentInput!) { recordConsent(input: $input) { id grantedBy } }`, {
      input: { idempotencyKey: 'audit-consent', childId: 'child-ines', categories: ['HEALTH_DETAILS'], recipientRole: 'ASE_REFERENT', grantedBy: 'Parent fictif (père)', validFrom: '2026-01-01' },
    });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const page = await trail('agent-dpo-marc', { agentId: JULIEN, first: 3 });
    expect(page.edges.map(({ node }) => [node.operationName, node.childIds, node.released])).toEqual([
      ['ConsentRevoked', ['child-lea'], ['IDENTITY']],
      ['ConsentsRead', ['child-lea'], ['IDENTITY']],
      ['ConsentGiven', ['child-lea'], ['IDENTITY']],
    ]);
  });

  // A write beside it that fails takes the whole answer with it (mutation fields are non-null):
  // the consent is recorded, but the answer carries nothing of it, so nothing is released.
  it('are not audited when the answer carries none (data: null)', async () => {
    const JULIEN = 'agent-ase-julien';
    const res = await hubPost(
      federation.hubUrl,
      JULIEN,
      `mutation ConsentLost($input: ConsentInput!) {
        recordConsent(input: $input) { id grantedBy }
        registerChild(input: { idempotencyKey: "audit-consent-lost-child", firstName: "Prénom", lastName: "Fictif", birthDate: "2999-01-01" }) { id }
      }`,
      { input: { idempotencyKey: 'audit-consent-lost', childId: 'child-ines', categories: ['HEALTH_DETAILS'], recipientRole: 'JUDGE', grantedBy: 'Parent fictif (mère)', validFrom: '2026-01-01' } },
    );
    expect(res.body.data).toBeNull();
    expect(res.body.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    const page = await trail('agent-dpo-marc', { agentId: JULIEN, first: 5 });
    expect(page.edges.filter(({ node }) => node.operationName === 'ConsentLost')).toEqual([]);
  });
});

/** Kept last: it writes entries of its own. */
describe('a timeline read', () => {
  // Audited for what the answer carries: the events' categories with the events, the counts'
  // news (Léa has a protection file: her PROTECTION_STATUS) with the counts.
  it('is audited for what the answer carries, not for what the timeline held', async () => {
    const CLAIRE = 'agent-pmi-claire';
    await hubPost(federation.hubUrl, CLAIRE, `query EventsOnly { child(id: "child-lea") { timeline { events { kind } } } }`);
    await hubPost(federation.hubUrl, CLAIRE, `query CountsOnly { child(id: "child-lea") { timeline { withheld { category count reason } } } }`);
    const [counts, events] = (await trail('agent-dpo-marc', { agentId: CLAIRE, first: 2 })).edges.map(({ node }) => node);
    expect([events.operationName, counts.operationName]).toEqual(['EventsOnly', 'CountsOnly']);
    expect(events.released).toContain('HEALTH_FOLLOW_UP');
    expect(events.released).not.toContain('PROTECTION_STATUS');
    expect(events.withheld).toContain('PROTECTION_DETAILS');
    expect(counts.released).toContain('PROTECTION_STATUS');
    expect(counts.released).not.toContain('HEALTH_FOLLOW_UP');
    expect(counts.withheld).toContain('PROTECTION_DETAILS');
  });
});

// The trail is the ASE's casework, like the consents: it names who looked at the child, from
// every institution, and who reported on it. An ASE head of another département who relates
// to Léa only through a concern her own relais raised is not the head of an ASE that relates
// to Léa (README: "a child her département's ASE relates to"): Léa is NOT_FOUND to her, and
// her trail names no entry about Léa, not Amina's report (REPORTER_IDENTITY, Paris's).
describe('the trail, for an ASE head who knows the child only from a relais’s concern', () => {
  let head13: { authorization: string };
  beforeAll(async () => {
    head13 = await signedAgent('agent-ase-13-audit-head', Role.ASE_MANAGER, 'ASE-13');
    const amina = await hubPost(federation.hubUrl, 'agent-rpe-amina', `mutation AminaFlagsLea($input: FlagConcernInput!) { flagConcern(input: $input) { id raisedBy { name } } }`, {
      input: { idempotencyKey: 'audit-amina-lea', childIds: ['child-lea'], category: 'HYGIENE', severity: 'LOW', observedAt: parisDay(0), description: 'Observation fictive.' },
    });
    await relateThroughAConcern(federation.hubUrl, 'RPE-13-03', 'audit-13', 'AGR-13-2024-0003');
    expect(amina.body.errors).toBeUndefined();
  });

  it('answers her NOT_FOUND for Léa’s trail', async () => {
    const res = await hubPost(federation.hubUrl, head13, TRAIL, { childId: 'child-lea' });
    expect(res.body).toEqual({ data: null, errors: [{ message: 'Child not found', path: ['auditTrail'], extensions: { code: 'NOT_FOUND' } }] });
  });

  it('lists her, without a child, no entry about Léa, and not Amina’s report', async () => {
    const page = await trail(head13, { first: 200 });
    expect(page.edges.filter((edge) => edge.node.childIds.includes('child-lea'))).toEqual([]);
    expect(JSON.stringify(page)).not.toContain('agent-rpe-amina');
  });
});
