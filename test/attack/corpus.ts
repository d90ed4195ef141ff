/**
 * The ATTACK CORPUS (issue 6, item 3): named hostile requests against the hub, each with the
 * answer a careful hub gives. Pure data: corpus.e2e.test.ts sends them and checks, besides
 * these expectations, the rules every answer must follow (no 5xx, typed codes only, no
 * personal data, no internals).
 *
 * `code: null` means "no error": the request is legitimate however odd (free text that looks
 * like SQL is still free text, stored verbatim). A list allows any of its members.
 */
import { parisDay } from '../support/paris-day';
import type { DemoAgentId } from '../support/tokens';

export interface AttackExpectation {
  status: number | readonly number[];
  code: string | null | ReadonlyArray<string | null>;
}

export interface AttackRequest {
  name: string;
  /** A demo agent (a valid dev token is added), raw headers only (`{ headers }`), or nobody. */
  as: DemoAgentId | 'raw' | null;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Query string for GET requests (`?query=…`). */
  search?: string;
  headers: Record<string, string>;
  /** The body as sent: a string, so that broken JSON can be expressed. */
  body?: string;
  expect: AttackExpectation;
}

const JSON_HEADERS = { 'content-type': 'application/json' };
/** Above the hub's default MAX_BODY_BYTES (1 MiB). */
export const OVER_BODY_LIMIT = 1_048_576 + 1_024;

/** A paris calendar day, `days` from today (the test's own arithmetic, not the hub's; calendar days, see test/support/paris-day.ts). */
export { parisDay };

let sequence = 0;
/** A fresh, valid idempotency key: each write of the corpus is its own. */
export const freshKey = (label: string) => `attack-${label}-${process.pid}-${(sequence += 1)}`.replace(/[^A-Za-z0-9._:-]/g, '-').slice(0, 120);

function gql(query: string, variables?: unknown, operationName?: unknown): string {
  return JSON.stringify({ query, ...(variables !== undefined ? { variables } : {}), ...(operationName !== undefined ? { operationName } : {}) });
}

/** A POST of a GraphQL operation as a demo agent. */
function post(name: string, as: DemoAgentId | null, query: string, variables: unknown, expect: AttackExpectation, operationName?: unknown): AttackRequest {
  return { name, as, method: 'POST', headers: JSON_HEADERS, body: gql(query, variables, operationName), expect };
}
function raw(name: string, as: DemoAgentId | null, body: string, expect: AttackExpectation, headers: Record<string, string> = JSON_HEADERS): AttackRequest {
  return { name, as, method: 'POST', headers, body, expect };
}

const refused = (code: string, status: number | readonly number[] = 400): AttackExpectation => ({ status, code });
/** Answered in GraphQL execution: 200 (or 400 when the hub marks the request itself bad). */
const executionError = (code: string | readonly string[]): AttackExpectation => ({ status: [200, 400], code });
const ok: AttackExpectation = { status: 200, code: null };
/** A root field the role may not call: FORBIDDEN with HTTP 403 (the hub's choice, commit ba4b4b1). */
const roleRefusal: AttackExpectation = { status: 403, code: 'FORBIDDEN' };

const CLAIRE = 'agent-pmi-claire';
const AMINA = 'agent-rpe-amina';
const JULIEN = 'agent-ase-julien';
const NATHALIE = 'agent-ase-nathalie';
const KARIM = 'agent-crip-karim';
const MARC = 'agent-dpo-marc';
const HELENE = 'agent-tj-helene';

const ME = '{ me { id } }';
const CHILD = 'query Child($id: ID!) { child(id: $id) { id } }';
const FLAG = 'mutation Flag($input: FlagConcernInput!) { flagConcern(input: $input) { id status } }';
const CONSENT = 'mutation Consent($input: ConsentInput!) { recordConsent(input: $input) { id } }';
const AUDIT = 'query Audit($childId: ID, $agentId: ID, $from: DateTime, $to: DateTime, $first: Int, $after: String) { auditTrail(childId: $childId, agentId: $agentId, from: $from, to: $to, first: $first, after: $after) { edges { cursor } pageInfo { hasNextPage } } }';
const VISIT = 'mutation Visit($input: RecordHomeVisitInput!) { recordHomeVisit(input: $input) { id } }';

/** A valid flagConcern input from Amina about Noah, with `changes` applied. */
export function flagInput(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    idempotencyKey: freshKey('flag'),
    childIds: ['child-noah'],
    childminderId: 'childminder-sophie',
    category: 'SAFETY',
    severity: 'LOW',
    observedAt: parisDay(-2),
    description: 'Corpus: observation fictive.',
    ...changes,
  };
}
/** A valid consent from Julien for Léa (HEALTH_DETAILS to the judge), with `changes` applied. */
function consentInput(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return { childId: 'child-lea', categories: ['HEALTH_DETAILS'], recipientRole: 'JUDGE', grantedBy: 'Parents (fictif)', validFrom: parisDay(0), ...changes };
}
function visitInput(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return { idempotencyKey: freshKey('visit'), childId: 'child-lea', visitedOn: parisDay(-1), notes: 'Corpus: visite fictive.', ...changes };
}

const nest = (depth: number): string => (depth === 0 ? 'id' : `concerns { children { ${nest(depth - 1)} } }`);

/** `levels` fragments, each spreading the next `fanOut` times: billion laughs in GraphQL. */
function fragmentBomb(levels: number, fanOut: number, field = 'me { id }'): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1 ? `fragment F${i} on Query { ${field} }` : `fragment F${i} on Query { ${Array.from({ length: fanOut }, () => `...F${i + 1}`).join(' ')} }`,
  );
  return `query Bomb { ...F0 }\n${fragments.join('\n')}`;
}
/** The same, nesting a list at every level: the expansion multiplies rows too. */
function nestedFragmentBomb(levels: number, fanOut: number): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1 ? `fragment C${i} on Child { id }` : `fragment C${i} on Child { id ${Array.from({ length: fanOut }, () => `...C${i + 1}`).join(' ')} concerns { children { ...C${i + 1} } } }`,
  );
  return `query NestedBomb { myChildren { ...C0 } }\n${fragments.join('\n')}`;
}

// ---------------------------------------------------------------------------------------------
// HTTP layer: bodies, content types, methods, sizes
// ---------------------------------------------------------------------------------------------
const http: AttackRequest[] = [
  raw('malformed JSON: truncated object', CLAIRE, '{"query": "{ me { id } }"', refused('BAD_REQUEST')),
  raw('malformed JSON: trailing comma', CLAIRE, '{"query": "{ me { id } }",}', refused('BAD_REQUEST')),
  raw('malformed JSON: single quotes', CLAIRE, "{'query': '{ me { id } }'}", refused('BAD_REQUEST')),
  raw('malformed JSON: unquoted keys', CLAIRE, '{query: "{ me { id } }"}', refused('BAD_REQUEST')),
  raw('malformed JSON: lone surrogate escape and garbage', CLAIRE, '{"query": "\\ud800"} garbage', refused('BAD_REQUEST')),
  raw('malformed JSON: binary noise', CLAIRE, '\u0000\u0001\u00ff\ufffd{', refused('BAD_REQUEST')),
  raw('JSON null', CLAIRE, 'null', refused('BAD_REQUEST')),
  raw('JSON string', CLAIRE, '"{ me { id } }"', refused('BAD_REQUEST')),
  raw('JSON number', CLAIRE, '42', refused('BAD_REQUEST')),
  raw('JSON empty object', CLAIRE, '{}', refused('BAD_REQUEST')),
  raw('query is a number', CLAIRE, '{"query": 123}', refused('BAD_REQUEST')),
  raw('query is a NoSQL operator object', CLAIRE, '{"query": {"$gt": ""}}', refused('BAD_REQUEST')),
  raw('variables is a string', CLAIRE, JSON.stringify({ query: CHILD, variables: '{"id":"child-lea"}' }), refused('BAD_REQUEST')),
  raw('variables is an array', CLAIRE, JSON.stringify({ query: CHILD, variables: ['child-lea'] }), refused('BAD_REQUEST')),
  raw('operationName is a number', CLAIRE, JSON.stringify({ query: ME, operationName: 7 }), refused('BAD_REQUEST')),
  raw('extensions is a string', CLAIRE, JSON.stringify({ query: ME, extensions: 'x' }), refused('BAD_REQUEST')),
  raw('automatic persisted query hash only', CLAIRE, JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }), { status: [200, 400], code: ['PERSISTED_QUERY_NOT_SUPPORTED', 'BAD_REQUEST'] }),
  raw('empty body', CLAIRE, '', refused('BAD_REQUEST')),
  raw('empty body, no token', null, '', refused('UNAUTHENTICATED', 401)),
  raw('JSON array nested 100,000 deep in variables', CLAIRE, `{"query":"{ me { id } }","variables":{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`, { status: [200, 400], code: [null, 'BAD_REQUEST'] }),
  raw('content type text/plain (CSRF simple request)', CLAIRE, gql(ME), refused('UNSUPPORTED_MEDIA_TYPE', 415), { 'content-type': 'text/plain' }),
  raw('content type form-urlencoded', CLAIRE, `query=${encodeURIComponent(ME)}`, refused('UNSUPPORTED_MEDIA_TYPE', 415), { 'content-type': 'application/x-www-form-urlencoded' }),
  raw(
    'content type multipart/form-data (upload)',
    CLAIRE,
    `--b\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${gql(ME)}\r\n--b--\r\n`,
    refused('UNSUPPORTED_MEDIA_TYPE', 415),
    { 'content-type': 'multipart/form-data; boundary=b' },
  ),
  raw('content type application/graphql', CLAIRE, ME, refused('UNSUPPORTED_MEDIA_TYPE', 415), { 'content-type': 'application/graphql' }),
  raw('no content type at all', CLAIRE, gql(ME), refused('UNSUPPORTED_MEDIA_TYPE', 415), {}),
  raw('content type application/jsonx-evil (not JSON, only prefixed so)', CLAIRE, gql(ME), refused('UNSUPPORTED_MEDIA_TYPE', 415), { 'content-type': 'application/jsonx-evil' }),
  {
    name: 'GET with a mutation (preflight header present)',
    as: AMINA,
    method: 'GET',
    search: `?query=${encodeURIComponent('mutation { markNotificationsRead(ids: []) }')}`,
    headers: { 'apollo-require-preflight': 'true' },
    expect: refused('BAD_REQUEST', 405),
  },
  {
    name: 'GET with a mutation writing a concern',
    as: AMINA,
    method: 'GET',
    search: `?query=${encodeURIComponent(FLAG)}&variables=${encodeURIComponent(JSON.stringify({ input: flagInput() }))}`,
    headers: { 'apollo-require-preflight': 'true' },
    expect: refused('BAD_REQUEST', 405),
  },
  { name: 'GET without CSRF header', as: CLAIRE, method: 'GET', search: `?query=${encodeURIComponent(ME)}`, headers: {}, expect: refused('BAD_REQUEST') },
  { name: 'GET with CSRF header but no query', as: CLAIRE, method: 'GET', search: '', headers: { 'apollo-require-preflight': 'true' }, expect: refused('BAD_REQUEST') },
  { name: 'PUT method', as: CLAIRE, method: 'PUT', headers: JSON_HEADERS, body: gql(ME), expect: refused('METHOD_NOT_ALLOWED', 405) },
  { name: 'DELETE method', as: CLAIRE, method: 'DELETE', headers: JSON_HEADERS, expect: refused('METHOD_NOT_ALLOWED', 405) },
  raw('huge body (> MAX_BODY_BYTES)', CLAIRE, gql(`{ me { id } } # ${'x'.repeat(OVER_BODY_LIMIT)}`), refused('PAYLOAD_TOO_LARGE', 413)),
  // Refused on its headers, before the body is read.
  raw('huge body without a token', null, gql(`{ me { id } } # ${'x'.repeat(OVER_BODY_LIMIT)}`), refused('UNAUTHENTICATED', 401)),
  raw('batched array of two operations', CLAIRE, JSON.stringify([{ query: ME }, { query: ME }]), refused('BAD_REQUEST')),
  raw('batched array of 1,000 child lookups', CLAIRE, JSON.stringify(Array.from({ length: 1_000 }, () => ({ query: CHILD, variables: { id: 'child-ines' } }))), refused('BAD_REQUEST')),
  raw('batched empty array', CLAIRE, '[]', refused('BAD_REQUEST')),
];

// ---------------------------------------------------------------------------------------------
// Documents: size, depth, aliases, fragments, directives, introspection, federation internals
// ---------------------------------------------------------------------------------------------
const documents: AttackRequest[] = [
  post('deeply nested query (depth 40)', NATHALIE, `{ myChildren { ${nest(20)} } }`, {}, refused('QUERY_TOO_DEEP')),
  post('deep nesting hidden in fragments', NATHALIE, `{ myChildren { ...A } } fragment A on Child { concerns { children { ...B } } } fragment B on Child { concerns { children { ...C } } } fragment C on Child { concerns { children { ...D } } } fragment D on Child { concerns { children { ${nest(6)} } } }`, {}, refused('QUERY_TOO_DEEP')),
  post('alias bomb: 200 aliases of me', CLAIRE, `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: me { id }`).join(' ')} }`, {}, refused('TOO_MANY_ALIASES')),
  post('alias bomb: 100 aliases of child(child-ines)', CLAIRE, `{ ${Array.from({ length: 100 }, (_, i) => `c${i}: child(id: "child-ines") { id firstName }`).join(' ')} }`, {}, refused('TOO_MANY_ALIASES')),
  post('alias bomb: 60 aliases of flagConcern', AMINA, `mutation { ${Array.from({ length: 60 }, (_, i) => `f${i}: flagConcern(input: { idempotencyKey: "${freshKey('alias')}", childIds: ["child-noah"], category: SAFETY, severity: LOW, observedAt: "${parisDay(-1)}", description: "x" }) { id }`).join(' ')} }`, {}, refused('TOO_MANY_ALIASES')),
  post('fragment bomb: 12 levels x 2 spreads (4,096 expansions)', CLAIRE, fragmentBomb(12, 2), {}, { status: 400, code: ['QUERY_TOO_COMPLEX', 'TOO_MANY_ALIASES', 'QUERY_TOO_DEEP'] }),
  post('fragment bomb: 8 levels x 10 spreads (10^7 expansions)', CLAIRE, fragmentBomb(8, 10), {}, { status: 400, code: ['QUERY_TOO_COMPLEX', 'TOO_MANY_ALIASES', 'QUERY_TOO_DEEP'] }),
  post('fragment bomb through lists (5 levels x 6 spreads)', NATHALIE, nestedFragmentBomb(5, 6), {}, { status: 400, code: ['QUERY_TOO_COMPLEX', 'QUERY_TOO_DEEP'] }),
  post('fragment bomb with aliases inside (alias count multiplied)', CLAIRE, fragmentBomb(6, 4, 'x: me { id }'), {}, { status: 400, code: ['TOO_MANY_ALIASES', 'QUERY_TOO_COMPLEX'] }),
  post('circular fragments A -> B -> A', CLAIRE, '{ ...A } fragment A on Query { me { id } ...B } fragment B on Query { ...A }', {}, { status: 400, code: ['GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_DEEP'] }),
  post('self-spreading fragment', CLAIRE, '{ ...A } fragment A on Query { ...A }', {}, { status: 400, code: ['GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_DEEP'] }),
  post('circular fragments through fields', NATHALIE, '{ myChildren { ...A } } fragment A on Child { concerns { children { ...B } } } fragment B on Child { id ...A }', {}, { status: 400, code: ['GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_DEEP'] }),
  post('circular fragments, 30-long cycle', CLAIRE, `{ ...G0 } ${Array.from({ length: 30 }, (_, i) => `fragment G${i} on Query { __typename ...G${(i + 1) % 30} }`).join(' ')}`, {}, { status: 400, code: ['GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_DEEP'] }),
  post('unused fragment with a cycle', CLAIRE, '{ me { id } } fragment A on Query { ...B } fragment B on Query { ...A }', {}, refused('GRAPHQL_VALIDATION_FAILED')),
  post('directive flood: 100 x @include', CLAIRE, `{ me { id ${'@include(if: true) '.repeat(100)}} }`, {}, refused('TOO_MANY_DIRECTIVES')),
  post('directive flood: 100 x @skip(if: false) on child', CLAIRE, `{ child(id: "child-lea") ${'@skip(if: false) '.repeat(100)}{ id } }`, {}, refused('TOO_MANY_DIRECTIVES')),
  post('directive flood: 100 unknown directives', CLAIRE, `{ me { id ${'@evil '.repeat(100)}} }`, {}, { status: 400, code: ['TOO_MANY_DIRECTIVES', 'GRAPHQL_VALIDATION_FAILED'] }),
  post('duplicate-field flood: 2,500 x id', CLAIRE, `{ me { ${'id '.repeat(2_500)}} }`, {}, { status: [200, 400], code: [null, 'QUERY_TOO_COMPLEX', 'TOO_MANY_TOKENS', 'GRAPHQL_VALIDATION_FAILED'] }),
  post('duplicate-field flood: 1,200 x child(child-lea) { id }', CLAIRE, `{ ${'child(id: "child-lea") { id } '.repeat(300)} }`, {}, { status: [200, 400], code: [null, 'QUERY_TOO_COMPLEX', 'TOO_MANY_TOKENS'] }),
  post('duplicate-field flood of conflicting arguments', CLAIRE, `{ ${Array.from({ length: 150 }, (_, i) => `child(id: "c${i}") { id }`).join(' ')} }`, {}, { status: 400, code: ['GRAPHQL_VALIDATION_FAILED', 'QUERY_TOO_COMPLEX', 'TOO_MANY_TOKENS'] }),
  post('token flood: 10,000 tokens', CLAIRE, `{ me { ${'__typename '.repeat(10_000)}} }`, {}, refused('TOO_MANY_TOKENS')),
  post('one 500,000-character field name', CLAIRE, `{ ${'x'.repeat(500_000)} }`, {}, refused('GRAPHQL_VALIDATION_FAILED')),
  post('one 500,000-character string literal as child id', CLAIRE, `{ child(id: "${'a'.repeat(500_000)}") { id } }`, {}, { status: [200, 400], code: ['NOT_FOUND', 'BAD_USER_INPUT'] }),
  post('syntax error', CLAIRE, '{ me { id }', {}, refused('GRAPHQL_PARSE_FAILED')),
  post('empty document', CLAIRE, '', {}, refused('BAD_REQUEST')),
  post('only a comment', CLAIRE, '# nothing', {}, refused('GRAPHQL_PARSE_FAILED')),
  post('subscription operation (the schema has none)', CLAIRE, 'subscription { me { id } }', {}, { status: 400, code: ['GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE'] }),
  post('introspection: __schema', CLAIRE, '{ __schema { types { name fields { name } } } }', {}, refused('GRAPHQL_VALIDATION_FAILED')),
  post('introspection: __type(Child)', CLAIRE, '{ __type(name: "Child") { fields { name } } }', {}, refused('GRAPHQL_VALIDATION_FAILED')),
  post('introspection: __schema inside a named fragment', CLAIRE, '{ ...I } fragment I on Query { __schema { queryType { name } } }', {}, refused('GRAPHQL_VALIDATION_FAILED')),
  post('introspection: __type inside an inline fragment', CLAIRE, '{ ... on Query { __type(name: "Query") { name } } }', {}, refused('GRAPHQL_VALIDATION_FAILED')),
  post('introspection: aliased __schema', CLAIRE, '{ s: __schema { directives { name } } }', {}, refused('GRAPHQL_VALIDATION_FAILED')),
  post('introspection: full IntrospectionQuery shape', MARC, 'query IntrospectionQuery { __schema { queryType { name } mutationType { name } types { kind name fields(includeDeprecated: true) { name args { name } } } } }', {}, refused('GRAPHQL_VALIDATION_FAILED'), 'IntrospectionQuery'),
  post('federation: _entities through the hub', NATHALIE, '{ _entities(representations: [{ __typename: "Child", id: "child-ines" }]) { ... on Child { id firstName placement { address } } } }', {}, refused('GRAPHQL_VALIDATION_FAILED')),
  post('federation: _service through the hub', NATHALIE, '{ _service { sdl } }', {}, refused('GRAPHQL_VALIDATION_FAILED')),
  post('federation: _aseCareRelationships through the hub', NATHALIE, '{ _aseCareRelationships(agentId: "agent-ase-julien", role: "ASE_REFERENT", institution: "ASE-75", childIds: null) { childId kind } }', {}, refused('GRAPHQL_VALIDATION_FAILED')),
  post('federation: _pmiTimelineEvents through the hub', CLAIRE, '{ _pmiTimelineEvents(childIds: ["child-ines"], categories: ["HEALTH_DETAILS"]) { childId summary } }', {}, refused('GRAPHQL_VALIDATION_FAILED')),
  post('federation: _entities in a fragment on Query', CLAIRE, '{ ...E } fragment E on Query { _entities(representations: [{ __typename: "Child", id: "child-ines" }]) { __typename } }', {}, refused('GRAPHQL_VALIDATION_FAILED')),
  post('federation: @inaccessible internal type by inline fragment', CLAIRE, '{ me { ... on CareRelationship { childId } } }', {}, refused('GRAPHQL_VALIDATION_FAILED')),
  post('reserved alias _cpChildId at the root', CLAIRE, '{ _cpChildId: me { id } }', {}, executionError('BAD_USER_INPUT')),
  post('reserved alias _cpChildId on a child (forging the decision key)', CLAIRE, '{ myChildren { _cpChildId: id firstName } }', {}, executionError('BAD_USER_INPUT')),
  post('reserved alias _cpSubjects on a concern', AMINA, '{ myRelaisConcerns { _cpSubjects: id } }', {}, executionError('BAD_USER_INPUT')),
  post('reserved alias _cpTypename in an inline fragment', CLAIRE, '{ myChildren { ... on Child { _cpTypename: __typename } } }', {}, executionError('BAD_USER_INPUT')),
  post('reserved alias _cpChildId inside a named fragment', CLAIRE, '{ myChildren { ...F } } fragment F on Child { _cpChildId: id }', {}, executionError('BAD_USER_INPUT')),
  post('unknown operation name', CLAIRE, 'query A { me { id } }', {}, refused('OPERATION_RESOLUTION_FAILURE'), 'Nope'),
  post('several operations without operationName', CLAIRE, 'query A { me { id } } query B { myChildren { id } }', {}, refused('OPERATION_RESOLUTION_FAILURE')),
  post('operationName selecting a mutation hidden among queries', CLAIRE, `query A { me { id } } mutation B { markNotificationsRead(ids: []) }`, {}, roleRefusal, 'B'),
];

// ---------------------------------------------------------------------------------------------
// Variables: wrong types, missing, out of range, invalid enums and dates
// ---------------------------------------------------------------------------------------------
const variables: AttackRequest[] = [
  post('variable: string for Int (first)', MARC, AUDIT, { first: '10' }, refused('BAD_USER_INPUT')),
  post('variable: float for Int (first)', MARC, AUDIT, { first: 1.5 }, refused('BAD_USER_INPUT')),
  post('variable: object for ID (NoSQL operator)', CLAIRE, CHILD, { id: { $gt: '' } }, refused('BAD_USER_INPUT')),
  post('variable: array for ID', CLAIRE, CHILD, { id: ['child-lea', 'child-ines'] }, refused('BAD_USER_INPUT')),
  post('variable: boolean for ID', CLAIRE, CHILD, { id: true }, refused('BAD_USER_INPUT')),
  post('variable: array for input object', AMINA, FLAG, { input: [flagInput()] }, refused('BAD_USER_INPUT')),
  post('variable: string for input object', AMINA, FLAG, { input: JSON.stringify(flagInput()) }, refused('BAD_USER_INPUT')),
  post('variable: missing required', CLAIRE, CHILD, {}, refused('BAD_USER_INPUT')),
  post('variable: null for non-null', CLAIRE, CHILD, { id: null }, refused('BAD_USER_INPUT')),
  // A nullable variable with a default may stand where a value is required; null may not.
  post('variable: null for a defaulted id where one is required', CLAIRE, 'query Q($id: ID = "child-lea") { child(id: $id) { id } }', { id: null }, refused('BAD_USER_INPUT')),
  post('variable: null for a defaulted @include condition', CLAIRE, 'query Q($s: Boolean = true) { me { name @include(if: $s) } }', { s: null }, refused('BAD_USER_INPUT')),
  post('variable: null for a defaulted list item', AMINA, `mutation F($c: ID = "child-noah") { flagConcern(input: { idempotencyKey: "${freshKey('null-item')}", childIds: [$c], category: SAFETY, severity: LOW, observedAt: "${parisDay(-1)}", description: "x" }) { id } }`, { c: null }, refused('BAD_USER_INPUT')),
  post('variable: input missing required fields', AMINA, FLAG, { input: { childIds: ['child-noah'] } }, refused('BAD_USER_INPUT')),
  post('variable: input with unknown extra field', AMINA, FLAG, { input: flagInput({ raisedById: 'agent-crip-karim' }) }, refused('BAD_USER_INPUT')),
  post('variable: __proto__ pollution in input', AMINA, FLAG, JSON.parse(`{"input": ${JSON.stringify(flagInput()).slice(0, -1)}, "__proto__": {"admin": true}}}`), refused('BAD_USER_INPUT')),
  post('variable: undeclared variable used', CLAIRE, '{ child(id: $id) { id } }', { id: 'child-lea' }, refused('GRAPHQL_VALIDATION_FAILED')),
  post('variable: negative first', MARC, AUDIT, { first: -1 }, executionError('BAD_USER_INPUT')),
  post('variable: first = 0', MARC, AUDIT, { first: 0 }, { status: [200, 400], code: [null, 'BAD_USER_INPUT'] }),
  post('variable: first above Int range', MARC, AUDIT, { first: 2 ** 40 }, refused('BAD_USER_INPUT')),
  post('variable: huge first within Int (capped)', MARC, AUDIT, { first: 2_147_483_647 }, ok),
  post('literal: first above Int range', MARC, '{ auditTrail(first: 99999999999) { edges { cursor } } }', {}, refused('GRAPHQL_VALIDATION_FAILED')),
  post('literal: negative first', MARC, '{ auditTrail(first: -50) { edges { cursor } } }', {}, executionError('BAD_USER_INPUT')),
  post('date out of range: observedAt 9999-12-31', AMINA, FLAG, { input: flagInput({ observedAt: '9999-12-31' }) }, executionError('BAD_USER_INPUT')),
  post('date out of range: observedAt 0000-01-01', AMINA, FLAG, { input: flagInput({ observedAt: '0000-01-01' }) }, executionError('BAD_USER_INPUT')),
  post('date invalid: observedAt 2025-02-30', AMINA, FLAG, { input: flagInput({ observedAt: '2025-02-30' }) }, executionError('BAD_USER_INPUT')),
  post('date invalid: observedAt with time and zone', AMINA, FLAG, { input: flagInput({ observedAt: '2025-01-01T00:00:00+25:00' }) }, executionError('BAD_USER_INPUT')),
  post('date invalid: observedAt 5-digit year', AMINA, FLAG, { input: flagInput({ observedAt: '+275760-09-13' }) }, executionError('BAD_USER_INPUT')),
  post('date out of range: consent validFrom year 0', JULIEN, CONSENT, { input: consentInput({ validFrom: '0000-00-00' }) }, executionError('BAD_USER_INPUT')),
  post('date reversed: consent validUntil before validFrom', JULIEN, CONSENT, { input: consentInput({ validFrom: '2026-01-10', validUntil: '2026-01-01' }) }, executionError('BAD_USER_INPUT')),
  post('datetime out of range: auditTrail from +275760', MARC, AUDIT, { from: '+275760-09-13T00:00:00.000Z' }, executionError('BAD_USER_INPUT')),
  post('datetime invalid: auditTrail to = epoch number', MARC, AUDIT, { to: 1e20 }, executionError('BAD_USER_INPUT')),
  post('date literal out of range: timeline(from: 99999-01-01)', CLAIRE, '{ child(id: "child-lea") { timeline(from: "99999-01-01") { withheld { count } } } }', {}, { status: [200, 400], code: ['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT'] }),
  post('invalid enum: category HACK (variable)', AMINA, FLAG, { input: flagInput({ category: 'HACK' }) }, refused('BAD_USER_INPUT')),
  post('invalid enum: severity as number', AMINA, FLAG, { input: flagInput({ severity: 3 }) }, refused('BAD_USER_INPUT')),
  post('invalid enum: literal status OPEN', KARIM, '{ concernsInbox(status: OPEN) { id } }', {}, refused('GRAPHQL_VALIDATION_FAILED')),
  post('invalid enum: string literal for enum', KARIM, '{ concernsInbox(status: "SUBMITTED") { id } }', {}, refused('GRAPHQL_VALIDATION_FAILED')),
  post('invalid enum: consent recipientRole ADMIN', JULIEN, CONSENT, { input: consentInput({ recipientRole: 'ADMIN' }) }, refused('BAD_USER_INPUT')),
  post('invalid enum: consent categories [ALL]', JULIEN, CONSENT, { input: consentInput({ categories: ['ALL'] }) }, refused('BAD_USER_INPUT')),
  post('consent that opens a D cell (PLACEMENT_LOCATION to PMI_NURSE)', JULIEN, CONSENT, { input: consentInput({ categories: ['PLACEMENT_LOCATION'], recipientRole: 'PMI_NURSE' }) }, executionError('BAD_USER_INPUT')),
  post('consent with 10,000 duplicated categories', JULIEN, CONSENT, { input: consentInput({ categories: Array.from({ length: 10_000 }, () => 'HEALTH_DETAILS') }) }, executionError('BAD_USER_INPUT')),
  post('oversized: flagConcern description of 1 MB', AMINA, FLAG, { input: flagInput({ description: 'A'.repeat(1_000_000) }) }, executionError('BAD_USER_INPUT')),
  post('oversized: description of 1 MB in 2-byte characters (> body limit)', AMINA, FLAG, { input: flagInput({ description: 'é'.repeat(1_000_000) }) }, refused('PAYLOAD_TOO_LARGE', 413)),
  post('oversized: 10,000 unknown childIds', AMINA, FLAG, { input: flagInput({ childIds: Array.from({ length: 10_000 }, (_, i) => `child-x${i}`) }) }, executionError(['NOT_FOUND', 'BAD_USER_INPUT'])),
  post('oversized: 10,000 copies of a related childId', AMINA, FLAG, { input: flagInput({ childIds: Array.from({ length: 10_000 }, () => 'child-noah') }) }, executionError('BAD_USER_INPUT')),
  post('oversized: empty childIds', AMINA, FLAG, { input: flagInput({ childIds: [] }) }, executionError('BAD_USER_INPUT')),
  post('oversized: markNotificationsRead with 10,000 ids', JULIEN, 'mutation M($ids: [ID!]!) { markNotificationsRead(ids: $ids) }', { ids: Array.from({ length: 10_000 }, (_, i) => `n-${i}`) }, executionError('BAD_USER_INPUT')),
  post('oversized: grantedBy of 100,000 characters', JULIEN, CONSENT, { input: consentInput({ grantedBy: 'P'.repeat(100_000) }) }, executionError('BAD_USER_INPUT')),
  post('oversized: home visit notes of 900 KB', CLAIRE, VISIT, { input: visitInput({ notes: 'n'.repeat(900_000) }) }, executionError('BAD_USER_INPUT')),
  post('blank description (whitespace only)', AMINA, FLAG, { input: flagInput({ description: ' \t\n ' }) }, executionError('BAD_USER_INPUT')),
];

// ---------------------------------------------------------------------------------------------
// Other children, other roles: relationship and role checks
// ---------------------------------------------------------------------------------------------
const others: AttackRequest[] = [
  post('Claire asks child-ines (followed by Hugo)', CLAIRE, 'query { child(id: "child-ines") { id firstName lastName birthDate placement { address } } }', {}, executionError('NOT_FOUND')),
  post('Claire asks child-ines by alias and fragment', CLAIRE, 'query { c: child(id: "child-ines") { ...F } } fragment F on Child { firstName healthRecord { checks { findings } } }', {}, executionError('NOT_FOUND')),
  post('Claire asks child-sacha through a variable', CLAIRE, 'query Q($id: ID!) { child(id: $id) { firstName protectionStatus { level } } }', { id: 'child-sacha' }, executionError('NOT_FOUND')),
  post('Claire asks the timeline of child-ines', CLAIRE, '{ child(id: "child-ines") { timeline { events { summary } withheld { count } } } }', {}, executionError('NOT_FOUND')),
  post('Amina asks child-ines placement', AMINA, '{ child(id: "child-ines") { placement { address caregiverName } } }', {}, executionError('NOT_FOUND')),
  post('the DPO asks any child', MARC, '{ child(id: "child-lea") { firstName } }', {}, executionError('NOT_FOUND')),
  post('Amina flags a concern about child-ines', AMINA, FLAG, { input: flagInput({ childIds: ['child-ines'] }) }, executionError('NOT_FOUND')),
  post('Amina flags about child-noah and child-ines together', AMINA, FLAG, { input: flagInput({ childIds: ['child-noah', 'child-ines'] }) }, executionError('NOT_FOUND')),
  post('Amina flags about a child that does not exist', AMINA, FLAG, { input: flagInput({ childIds: ['child-nobody'] }) }, executionError('NOT_FOUND')),
  post('Amina flags naming a childminder of another relais', AMINA, FLAG, { input: flagInput({ childminderId: 'childminder-other' }) }, executionError('BAD_USER_INPUT')),
  post('Claire records a home visit for child-ines', CLAIRE, VISIT, { input: visitInput({ childId: 'child-ines' }) }, executionError('NOT_FOUND')),
  post('Julien records a consent for child-noah (not his)', JULIEN, CONSENT, { input: consentInput({ childId: 'child-noah' }) }, executionError('NOT_FOUND')),
  post('Julien lists consents of child-sacha (not his)', JULIEN, '{ consents(childId: "child-sacha") { id grantedBy } }', {}, executionError('NOT_FOUND')),
  post('Nathalie revokes a consent that does not exist', NATHALIE, 'mutation { revokeConsent(id: "00000000-0000-4000-8000-000000000000") { id } }', {}, executionError('NOT_FOUND')),
  post('Karim acknowledges an unknown concern', KARIM, 'mutation { acknowledgeConcern(id: "concern-nobody") { id } }', {}, executionError('NOT_FOUND')),
  post('Karim acknowledges a concern already under evaluation', KARIM, 'mutation { acknowledgeConcern(id: "concern-sacha-1") { id } }', {}, executionError('CONFLICT')),
  post('Hélène flags a concern (not her role)', HELENE, FLAG, { input: flagInput() }, roleRefusal),
  post('Claire reads the audit trail', CLAIRE, AUDIT, {}, roleRefusal),
  post('Julien checks audit integrity', JULIEN, '{ auditIntegrity { ok } }', {}, roleRefusal),
  post('Amina reads the CRIP inbox', AMINA, '{ concernsInbox { id description raisedBy { name phone } } }', {}, roleRefusal),
  post('Claire reads access notifications', CLAIRE, '{ accessNotifications { id childId viewer { name } } }', {}, roleRefusal),
  post('Marc records a consent', MARC, CONSENT, { input: consentInput() }, roleRefusal),
  post('Amina hides a forbidden root field behind an allowed one', AMINA, '{ me { id } concernsInbox { id } }', {}, roleRefusal),
  post('Claire hides a forbidden root field in an inline fragment', CLAIRE, '{ ... on Query { auditTrail { edges { cursor } } } }', {}, roleRefusal),
  post('Claire hides a forbidden root field in a named fragment', CLAIRE, '{ ...Q } fragment Q on Query { auditIntegrity { ok } }', {}, roleRefusal),
  post('Claire hides a forbidden root field behind @include(if: false)', CLAIRE, '{ me { id } auditIntegrity @include(if: false) { ok } }', {}, { status: [200, 403], code: ['FORBIDDEN', null] }),
  { name: 'no token', as: null, method: 'POST', headers: JSON_HEADERS, body: gql(ME), expect: refused('UNAUTHENTICATED', 401) },
  { name: 'empty bearer', as: 'raw', method: 'POST', headers: { ...JSON_HEADERS, authorization: 'Bearer ' }, body: gql(ME), expect: refused('UNAUTHENTICATED', 401) },
  { name: 'basic authentication', as: 'raw', method: 'POST', headers: { ...JSON_HEADERS, authorization: `Basic ${Buffer.from('agent-dpo-marc:password').toString('base64')}` }, body: gql(ME), expect: refused('UNAUTHENTICATED', 401) },
  { name: 'SQL injection as the bearer token', as: 'raw', method: 'POST', headers: { ...JSON_HEADERS, authorization: "Bearer ' OR 1=1 --" }, body: gql(ME), expect: refused('UNAUTHENTICATED', 401) },
  { name: 'token in the query string instead of a header', as: null, method: 'POST', search: '?access_token=x.y.z', headers: JSON_HEADERS, body: gql(ME), expect: refused('UNAUTHENTICATED', 401) },
];

// ---------------------------------------------------------------------------------------------
// Injection strings in every text argument of the public API
// ---------------------------------------------------------------------------------------------
export const INJECTIONS: ReadonlyArray<readonly [string, string]> = [
  ['SQL tautology', "' OR 1=1 --"],
  ['SQL drop', "'); DROP TABLE child; --"],
  ['NoSQL operator', '{"$gt":""}'],
  ['path traversal', '../../../../etc/passwd'],
  ['CRLF header injection', 'x\r\nSet-Cookie: admin=1\r\nX-Evil: 1'],
  ['null byte', "child-lea\u0000' OR '1'='1"],
  ['lone UTF-16 surrogate', 'Mme \ud800 Martin'],
  ['very long unicode', `${'𝔘ñ\u0301'.repeat(40_000)}`],
  ['script tag', '<script>alert(document.cookie)</script>'],
  ['template and format string', '${7*7}{{7*7}}%s%n%x'],
];

/** Text argument sites; `make` builds the request for one hostile string. */
interface Site {
  site: string;
  as: DemoAgentId;
  make(value: string): { query: string; variables: Record<string, unknown> };
  /** A write of free text may succeed (stored verbatim) or be refused as BAD_USER_INPUT. */
  expect: AttackExpectation;
}

const idRefusal = executionError(['NOT_FOUND', 'BAD_USER_INPUT']);
const freeText: AttackExpectation = { status: [200, 400], code: [null, 'BAD_USER_INPUT'] };
const inputRefusal = executionError('BAD_USER_INPUT');

export const TEXT_SITES: readonly Site[] = [
  { site: 'child(id) variable', as: CLAIRE, make: (v) => ({ query: CHILD, variables: { id: v } }), expect: idRefusal },
  // GraphQL's own lexer refuses a lone surrogate escape in a literal (GRAPHQL_PARSE_FAILED).
  { site: 'child(id) literal', as: CLAIRE, make: (v) => ({ query: `{ child(id: ${JSON.stringify(v)}) { id } }`, variables: {} }), expect: executionError(['NOT_FOUND', 'BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED']) },
  { site: 'flagConcern.childIds', as: AMINA, make: (v) => ({ query: FLAG, variables: { input: flagInput({ childIds: [v] }) } }), expect: idRefusal },
  { site: 'flagConcern.childIds beside a real child', as: AMINA, make: (v) => ({ query: FLAG, variables: { input: flagInput({ childIds: ['child-noah', v] }) } }), expect: idRefusal },
  { site: 'flagConcern.description', as: AMINA, make: (v) => ({ query: FLAG, variables: { input: flagInput({ description: v }) } }), expect: freeText },
  { site: 'flagConcern.idempotencyKey', as: AMINA, make: (v) => ({ query: FLAG, variables: { input: flagInput({ idempotencyKey: v }) } }), expect: inputRefusal },
  { site: 'flagConcern.childminderId', as: AMINA, make: (v) => ({ query: FLAG, variables: { input: flagInput({ childminderId: v }) } }), expect: executionError(['BAD_USER_INPUT', 'NOT_FOUND']) },
  { site: 'recordConsent.childId', as: JULIEN, make: (v) => ({ query: CONSENT, variables: { input: consentInput({ childId: v }) } }), expect: idRefusal },
  { site: 'recordConsent.grantedBy', as: JULIEN, make: (v) => ({ query: CONSENT, variables: { input: consentInput({ grantedBy: v, idempotencyKey: freshKey('consent') }) } }), expect: freeText },
  { site: 'recordConsent.categories', as: JULIEN, make: (v) => ({ query: CONSENT, variables: { input: consentInput({ categories: [v] }) } }), expect: refused('BAD_USER_INPUT') },
  { site: 'recordConsent.recipientRole', as: JULIEN, make: (v) => ({ query: CONSENT, variables: { input: consentInput({ recipientRole: v }) } }), expect: refused('BAD_USER_INPUT') },
  { site: 'recordConsent.validFrom', as: JULIEN, make: (v) => ({ query: CONSENT, variables: { input: consentInput({ validFrom: v }) } }), expect: refused('BAD_USER_INPUT') },
  { site: 'recordConsent.idempotencyKey', as: JULIEN, make: (v) => ({ query: CONSENT, variables: { input: consentInput({ idempotencyKey: v }) } }), expect: inputRefusal },
  { site: 'consents(childId)', as: JULIEN, make: (v) => ({ query: 'query C($id: ID!) { consents(childId: $id) { id } }', variables: { id: v } }), expect: idRefusal },
  { site: 'revokeConsent(id)', as: JULIEN, make: (v) => ({ query: 'mutation R($id: ID!) { revokeConsent(id: $id) { id } }', variables: { id: v } }), expect: idRefusal },
  { site: 'auditTrail(after) cursor', as: MARC, make: (v) => ({ query: AUDIT, variables: { after: v } }), expect: inputRefusal },
  { site: 'auditTrail(agentId) filter', as: MARC, make: (v) => ({ query: AUDIT, variables: { agentId: v } }), expect: { status: [200, 400], code: [null, 'BAD_USER_INPUT'] } },
  // The ASE head reads the trail of a child of hers only: no text names one.
  { site: 'auditTrail(childId) filter', as: NATHALIE, make: (v) => ({ query: AUDIT, variables: { childId: v } }), expect: { status: [200, 400], code: ['NOT_FOUND', 'BAD_USER_INPUT'] } },
  { site: 'auditTrail(from) date', as: MARC, make: (v) => ({ query: AUDIT, variables: { from: v } }), expect: refused('BAD_USER_INPUT') },
  { site: 'markNotificationsRead(ids)', as: JULIEN, make: (v) => ({ query: 'mutation M($ids: [ID!]!) { markNotificationsRead(ids: $ids) }', variables: { ids: [v] } }), expect: { status: [200, 400], code: [null, 'BAD_USER_INPUT'] } },
  { site: 'acknowledgeConcern(id)', as: KARIM, make: (v) => ({ query: 'mutation A($id: ID!) { acknowledgeConcern(id: $id) { id } }', variables: { id: v } }), expect: idRefusal },
  { site: 'closeConcern(outcome) of an unknown concern', as: KARIM, make: (v) => ({ query: 'mutation C($id: ID!, $o: String!) { closeConcern(id: $id, outcome: $o) { id } }', variables: { id: 'concern-nobody', o: v } }), expect: idRefusal },
  { site: 'concernsInbox(status) enum', as: KARIM, make: (v) => ({ query: 'query I($s: ConcernStatus) { concernsInbox(status: $s) { id } }', variables: { s: v } }), expect: refused('BAD_USER_INPUT') },
  { site: 'child.timeline(from) date', as: CLAIRE, make: (v) => ({ query: 'query T($from: Date) { child(id: "child-lea") { timeline(from: $from) { withheld { count } } } }', variables: { from: v } }), expect: refused('BAD_USER_INPUT') },
  { site: 'recordHomeVisit.childId', as: CLAIRE, make: (v) => ({ query: VISIT, variables: { input: visitInput({ childId: v }) } }), expect: idRefusal },
  { site: 'recordHomeVisit.notes', as: CLAIRE, make: (v) => ({ query: VISIT, variables: { input: visitInput({ notes: v }) } }), expect: freeText },
  { site: 'registerChild.firstName', as: CLAIRE, make: (v) => ({ query: 'mutation R($input: RegisterChildInput!) { registerChild(input: $input) { id } }', variables: { input: { idempotencyKey: freshKey('child'), firstName: v, lastName: 'Corpus', birthDate: '2024-05-01' } } }), expect: freeText },
];

const injections: AttackRequest[] = TEXT_SITES.flatMap((site) =>
  INJECTIONS.map(([label, value]) => {
    const { query, variables: vars } = site.make(value);
    return post(`injection (${label}) in ${site.site}`, site.as, query, vars, site.expect);
  }),
);

export const CORPUS: readonly AttackRequest[] = [...http, ...documents, ...variables, ...others, ...injections];
