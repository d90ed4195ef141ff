import { hubPost } from '../../test/support/hub-client';
import { type DemoAgentId, tokenFor } from '../../test/support/tokens';
import { startTestFederation, type TestFederation } from '../../test/support/in-process-federation';

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ MAX_QUERY_DEPTH: '8', MAX_QUERY_ALIASES: '5', MAX_QUERY_TOKENS: '400', MAX_QUERY_DIRECTIVES: '5', MAX_QUERY_COST: '2000' });
}, 60_000);
afterAll(() => federation?.stop());

const nest = (depth: number): string => (depth === 0 ? 'id' : `id concerns { children { ${nest(depth - 1)} } }`);

describe('request limits, refused before execution with a typed code that does not state the limit', () => {
  it.each([
    ['too deep', `{ myChildren { ${nest(5)} } }`, 'QUERY_TOO_DEEP'],
    ['too many aliases', `{ ${Array.from({ length: 6 }, (_, i) => `a${i}: me { id }`).join(' ')} }`, 'TOO_MANY_ALIASES'],
    ['too many tokens', `{ me { ${Array.from({ length: 450 }, () => '__typename').join(' ')} } }`, 'TOO_MANY_TOKENS'],
    ['too many directives', `{ me { id ${'@include(if: true) '.repeat(6)} } }`, 'TOO_MANY_DIRECTIVES'],
    // Shallow and cheap once merged (512 copies of `me { id }`), but 1,022 spreads to expand.
    ['fragments spreading fragments two by two', `{ ...F0 } ${Array.from({ length: 10 }, (_, i) => `fragment F${i} on Query { ${i === 9 ? 'me { id }' : `...F${i + 1} ...F${i + 1}`} }`).join(' ')}`, 'QUERY_TOO_COMPLEX'],
    ['too costly (lists counted by first)', `{ auditTrail(first: 200) { edges { node { id childIds released withheld } } } a: auditTrail(first: 200) { edges { node { id childIds } } } }`, 'QUERY_TOO_COMPLEX'],
  ])('%s', async (_label, query, code) => {
    const response = await hubPost(federation.hubUrl, 'agent-dpo-marc', query);
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    const refusal = response.body.errors?.find((error) => error.extensions?.code === code);
    expect(refusal).toEqual({ message: expect.not.stringMatching(/\d/), extensions: { code } });
  });

  // Depth counts fields, not the fragments a client organises them in (limit 8 here).
  const chain = (type: string, count: number, body: (next: string) => string, innermost: string): string =>
    Array.from({ length: count }, (_, index) => `fragment ${type}${index} on ${type} { ${body(index + 1 < count ? `...${type}${index + 1}` : innermost)} }`).join(' ');
  it('counts the fields inside fragments towards the depth, not the fragments', async () => {
    // Four fields deep, through seven named fragments and two inline ones.
    const shallow = await hubPost(
      federation.hubUrl,
      'agent-pmi-claire',
      `{ child(id: "child-lea") { protectionStatus { ...ProtectionStatus0 } } } ${chain('ProtectionStatus', 7, (next) => next, 'level referent { ... on AgentContact { ... on AgentContact { name } } }')}`,
    );
    expect(shallow.body).toEqual({ data: { child: { protectionStatus: { level: 'JUDICIAL_MEASURE', referent: { name: 'Julien Moreau' } } } } });
    // Ten fields deep, through four fragments.
    const deep = await hubPost(federation.hubUrl, 'agent-rpe-amina', `{ myChildren { ...Child0 } } ${chain('Child', 4, (next) => `id concerns { children { ${next} } }`, 'id')}`);
    expect(deep.status).toBe(400);
    expect(deep.body.errors?.map((error) => error.extensions?.code)).toContain('QUERY_TOO_DEEP');
  });

  it('answers an ordinary journey query under the same limits', async () => {
    const response = await hubPost(federation.hubUrl, 'agent-pmi-claire', '{ myChildren { id firstName protectionStatus { level referent { name phone } } } }');
    expect(response.body.errors).toBeUndefined();
  });
});

describe('errors that leak nothing', () => {
  it('does not echo a variable value in a coercion error, and names the field', async () => {
    const response = await hubPost(
      federation.hubUrl,
      'agent-rpe-amina',
      'mutation ($input: FlagConcernInput!) { flagConcern(input: $input) { id } }',
      { input: { idempotencyKey: 'key-echo-0001', childIds: ['child-noah'], category: 'SAFETY', severity: 'LOW', observedAt: 'Léa Martin 12 rue des Lilas', description: 'x' } },
    );
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.observedAt' });
    expect(JSON.stringify(response.body)).not.toContain('Lilas');
  });

  // graphql-js prints the whole input object when a field is missing or unknown, and the
  // value is cut nowhere else than at its end: a `;` or an ` at "` in the client's text
  // used to end the cut early and hand back the rest.
  it.each([
    [
      'a required field missing next to notes holding a `;`',
      'agent-pmi-claire',
      'mutation ($input: RecordHomeVisitInput!) { recordHomeVisit(input: $input) { id } }',
      { input: { idempotencyKey: 'key-echo-0002', childId: 'child-lea', notes: 'Mère absente; le père Marqueurnom, 12 rue des Lilas' } },
      'input.visitedOn',
    ],
    [
      'an unknown field next to a name holding a `;`',
      'agent-ase-julien',
      'mutation ($input: RegisterChildInput!) { registerChild(input: $input) { id } }',
      { input: { idempotencyKey: 'key-echo-0003', firstName: 'x;', lastName: 'Marqueurnom, 12 rue des Lilas', birthDate: '2024-05-05', parent: 'y' } },
      'input',
    ],
    ['a top-level variable holding a `;`', 'agent-ase-julien', 'query ($to: Date) { child(id: "child-lea") { timeline(to: $to) { events { at } } } }', { to: 'x; Marqueurnom 12 rue des Lilas' }, 'to'],
    [
      'a key holding ` at "` before the real path',
      'agent-rpe-amina',
      'mutation ($input: FlagConcernInput!) { flagConcern(input: $input) { id } }',
      { input: { idempotencyKey: 'key-echo-0004', childIds: ['child-noah'], category: 'SAFETY', severity: 'LOW', observedAt: '2026-01-05', description: 'x', 'k at "input.childIds" Marqueurnom 12 rue des Lilas': 1 } },
      'input',
    ],
  ] as Array<[string, DemoAgentId, string, Record<string, unknown>, string]>)('does not echo personal text from %s', async (_label, agent, query, variables, field) => {
    const response = await hubPost(federation.hubUrl, agent, query, variables);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
    expect(response.body.errors?.[0]?.message).toMatch(/^Variable "…" got invalid value; /);
    expect(JSON.stringify(response.body)).not.toMatch(/Marqueurnom|Lilas|père/);
  });

  it('does not echo personal text from an enum value holding a quote (graphql-js quotes it unescaped)', async () => {
    const response = await hubPost(federation.hubUrl, 'agent-rpe-amina', 'mutation ($input: FlagConcernInput!) { flagConcern(input: $input) { id } }', {
      input: { idempotencyKey: 'key-echo-0005', childIds: ['child-noah'], category: 'SAFETY', severity: 'Marqueurnom; at "Lilas', observedAt: '2026-01-05', description: 'x' },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.severity' });
    expect(JSON.stringify(response.body)).not.toMatch(/Marqueurnom|Lilas/);
  });

  it('does not echo personal text from an unknown input key holding quotes', async () => {
    const response = await hubPost(federation.hubUrl, 'agent-rpe-amina', 'mutation ($input: FlagConcernInput!) { flagConcern(input: $input) { id } }', {
      input: { idempotencyKey: 'key-echo-0006', childIds: ['child-noah'], category: 'SAFETY', severity: 'LOW', observedAt: '2026-01-05', description: 'x', 'x" Marqueurnom 12 rue des Lilas "y': 1 },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input' });
    expect(JSON.stringify(response.body)).not.toMatch(/Marqueurnom|Lilas/);
  });

  it('does not echo personal text after a `;` in a literal', async () => {
    const response = await hubPost(federation.hubUrl, 'agent-rpe-amina', 'mutation { flagConcern(input: ["x; Marqueurnom 12 rue des Lilas"]) { id } }');
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(JSON.stringify(response.body)).not.toMatch(/Marqueurnom|Lilas/);
  });

  it('gives no field suggestions and no introspection outside development', async () => {
    const typo = await hubPost(federation.hubUrl, 'agent-pmi-claire', '{ myChildre { id } }');
    expect(JSON.stringify(typo.body)).not.toMatch(/Did you mean/);
    const introspection = await hubPost(federation.hubUrl, 'agent-pmi-claire', '{ __schema { types { name } } }');
    expect(introspection.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses batched requests and non-JSON bodies', async () => {
    const authorization = `Bearer ${await tokenFor('agent-pmi-claire')}`;
    const batch = await fetch(federation.hubUrl, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]) });
    expect(batch.status).toBe(400);
    const text = await fetch(federation.hubUrl, { method: 'POST', headers: { authorization, 'content-type': 'text/plain' }, body: '{ me { id } }' });
    expect(text.status).toBe(415);
  });
});
