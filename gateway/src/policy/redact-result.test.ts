import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, type OperationDefinitionNode, parse } from 'graphql';
import { DataCategory, Role } from '../../../common/src/domain';
import type { ChildFacts } from './decide';
import { CHILD_ID_ALIAS, REFERENT_ALIAS, SUBJECTS_ALIAS, TYPENAME_ALIAS } from './helper-fields';
import { type LabelMap, labelsFromSupergraph } from './labels';
import { type FieldPlans, redactResult, selectionsUseVariables, timelineRead, walkForRedaction } from './redact-result';

const supergraphSdl = readFileSync(path.join(__dirname, '../../../schema/supergraph.graphql'), 'utf8');
const schema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
const labels = labelsFromSupergraph(supergraphSdl);
const operationOf = (query: string) => parse(query).definitions[0] as OperationDefinitionNode;

describe('selectionsUseVariables', () => {
  it.each([
    ['no directive', 'query { myChildren { firstName } }', false],
    ['a literal condition', 'query { myChildren { firstName @include(if: true) } }', false],
    ['a variable condition', 'query ($show: Boolean!) { myChildren { firstName @include(if: $show) } }', true],
    ['a nested variable condition', 'query ($skip: Boolean!) { myChildren { pmiFollowUp { since @skip(if: $skip) } } }', true],
  ])('%s: %s', (_label, query, expected) => {
    expect(selectionsUseVariables(operationOf(query))).toBe(expected);
  });
});

describe('redactResult with field plans kept across responses', () => {
  const operation = operationOf('query { myChildren { firstName pmiFollowUp { since } } }');
  const data = () => ({
    myChildren: [
      { [CHILD_ID_ALIAS]: 'child-a', firstName: 'Alba', pmiFollowUp: { since: '2026-01-02' } },
      { [CHILD_ID_ALIAS]: 'child-b', firstName: 'Basile', pmiFollowUp: { since: '2026-03-04' } },
    ],
  });
  const related = (ids: string[]) => (childId: string): ChildFacts => ({ relationship: ids.includes(childId) ? 'yes' : 'no', consentedCategories: new Set() });
  const redact = (facts: (childId: string) => ChildFacts, plans?: FieldPlans) =>
    redactResult({ schema, labels, role: Role.PMI_NURSE, operation, variables: {}, data: data(), facts, plans });

  it('decides each response from its own facts: plans hold shapes, never decisions', () => {
    const plans: FieldPlans = new WeakMap();
    const first = redact(related(['child-a', 'child-b']), plans);
    const second = redact(related(['child-b']), plans);
    expect(first).toEqual(redact(related(['child-a', 'child-b'])));
    expect(second).toEqual(redact(related(['child-b'])));
    expect(second.data).toEqual({ myChildren: [{ firstName: null, pmiFollowUp: null }, { firstName: 'Basile', pmiFollowUp: { since: '2026-03-04' } }] });
    expect(second.redactions).toEqual([
      { path: ['myChildren', 0, 'firstName'], code: 'NEED_TO_KNOW', category: DataCategory.IDENTITY },
      { path: ['myChildren', 0, 'pmiFollowUp'], code: 'NEED_TO_KNOW', category: DataCategory.HEALTH_FOLLOW_UP },
    ]);
  });
});

describe('walkForRedaction: one walk, then the decisions', () => {
  const related = (ids: string[]) => (childId: string): ChildFacts => ({ relationship: ids.includes(childId) ? 'yes' : 'no', consentedCategories: new Set() });

  it('names every child of the result before any fact is loaded', () => {
    const pending = walkForRedaction({
      schema, labels, role: Role.PMI_NURSE, variables: {},
      operation: operationOf('query { myChildren { firstName } }'),
      data: { myChildren: [{ [CHILD_ID_ALIAS]: 'child-a', firstName: 'Alba' }, { [CHILD_ID_ALIAS]: 'child-b', firstName: 'Basile' }] },
    });
    expect(pending.childIds).toEqual(['child-a', 'child-b']);
  });

  it('keeps the operation’s field order when a field removed before planning comes back null', () => {
    // courtDecisions is forbidden to a nurse: the rewrite removed it, so the result lacks it.
    const outcome = redactResult({
      schema, labels, role: Role.PMI_NURSE, variables: {},
      operation: operationOf('query { myChildren { courtDecisions { kind } firstName } }'),
      data: { myChildren: [{ [CHILD_ID_ALIAS]: 'child-a', firstName: 'Alba' }] },
      facts: related(['child-a']),
    });
    expect(JSON.stringify(outcome.data)).toBe('{"myChildren":[{"courtDecisions":null,"firstName":"Alba"}]}');
    expect(outcome.redactions).toEqual([{ path: ['myChildren', 0, 'courtDecisions'], code: 'FORBIDDEN_CATEGORY', category: DataCategory.COURT_DECISION }]);
  });

  it('neither releases nor counts what sits inside a withheld field', () => {
    // A concern's children are decided with the concern: withheld together for an unrelated viewer.
    const outcome = redactResult({
      schema, labels, role: Role.ASE_REFERENT, variables: {},
      operation: operationOf('query { myChildren { concerns { category children { firstName } } } }'),
      data: { myChildren: [{ [CHILD_ID_ALIAS]: 'child-a', concerns: [{ _cpSubjects: [{ [CHILD_ID_ALIAS]: 'child-b' }], category: 'HYGIENE', children: [{ [CHILD_ID_ALIAS]: 'child-b', firstName: 'Basile' }] }] }] },
      facts: related(['child-b']),
    });
    expect(outcome.data).toEqual({ myChildren: [{ concerns: null }] });
    expect(outcome.redactions.map((redaction) => redaction.path)).toEqual([['myChildren', 0, 'concerns']]);
    expect(outcome.releases).toEqual([]);
    expect(outcome.childIds).toEqual(['child-a']);
  });
});

describe('walkForRedaction: what counts as released', () => {
  // A nurse with the parents' consent to PROTECTION_DETAILS: what each answer releases.
  const consented = (): ChildFacts => ({ relationship: 'yes', consentedCategories: new Set([DataCategory.PROTECTION_DETAILS]) });
  const released = (cripEvaluations: unknown) =>
    redactResult({
      schema, labels, role: Role.PMI_NURSE, variables: {},
      operation: operationOf('query { myChildren { cripEvaluations { id } } }'),
      data: { myChildren: [{ [CHILD_ID_ALIAS]: 'child-a', cripEvaluations }] },
      facts: consented,
    }).releases;

  it('releases a list that holds something, and notifies the référent', () => {
    expect(released([{ id: 'eval-a' }])).toEqual([{ childId: 'child-a', category: DataCategory.PROTECTION_DETAILS, notifyReferent: true }]);
  });

  it.each([
    ['an empty list', []],
    ['a null', null],
  ])('releases nothing for %s: "none" is no look at a file', (_label, value) => {
    expect(released(value)).toEqual([]);
  });
});

describe('walkForRedaction: whom a release of PROTECTION_STATUS notifies', () => {
  const related = (childId: string): ChildFacts => ({ relationship: 'yes', consentedCategories: new Set() });
  const status = (referent: unknown) => (referent === undefined ? { level: 'NONE' } : { level: 'JUDICIAL_MEASURE', [REFERENT_ALIAS]: referent });
  const notified = (query: string, children: Array<{ id: string; statuses: unknown[] }>) =>
    redactResult({
      schema, labels, role: Role.PMI_NURSE, variables: {},
      operation: operationOf(query),
      data: { myChildren: children.map(({ id, statuses }) => ({ [CHILD_ID_ALIAS]: id, ...Object.fromEntries(statuses.map((referent, index) => [index === 0 ? 'protectionStatus' : `again${index}`, status(referent)])) })) },
      facts: related,
    }).releases.filter((release) => release.category === DataCategory.PROTECTION_STATUS).map(({ childId, notifyReferent }) => [childId, notifyReferent]);

  it('notifies for a child shown to have a référent, not for one shown to have none', () => {
    expect(notified('query { myChildren { protectionStatus { level } } }', [
      { id: 'child-a', statuses: [{ __typename: 'AgentContact' }] },
      { id: 'child-b', statuses: [null] },
    ])).toEqual([['child-a', true], ['child-b', false]]);
  });

  it('notifies when the result does not say (the helper is missing): unknown is not "none"', () => {
    expect(notified('query { myChildren { protectionStatus { level } } }', [{ id: 'child-a', statuses: [undefined] }])).toEqual([['child-a', true]]);
  });

  it('notifies when any of the child’s statuses names a référent, in whichever order', () => {
    const query = 'query { myChildren { protectionStatus { level } again1: protectionStatus { level } } }';
    expect(notified(query, [{ id: 'child-a', statuses: [null, { __typename: 'AgentContact' }] }])).toEqual([['child-a', true]]);
    expect(notified(query, [{ id: 'child-a', statuses: [{ __typename: 'AgentContact' }, null] }])).toEqual([['child-a', true]]);
  });
});

describe('walkForRedaction over a list of several types (a union)', () => {
  // The supergraph has no union or interface yet: a schema of the test's own, so that each
  // runtime type is seen to get its own plan, kept across responses.
  const unionSchema = buildSchema(`
    type Query { child: Child }
    type Child { id: ID! events: [Event!]! }
    union Event = Visit | Note
    type Visit { at: String nurse: String }
    type Note { at: String text: String }
  `);
  const unionLabels: LabelMap = new Map([['Child.events', DataCategory.HEALTH_FOLLOW_UP], ['Note.text', DataCategory.COURT_DECISION]]);
  const operation = operationOf('query { child { events { ... on Visit { at nurse } ... on Note { at text } } } }');
  const visit = (at: string) => ({ [TYPENAME_ALIAS]: 'Visit', at, nurse: 'Infirmière fictive' });
  const note = (at: string) => ({ [TYPENAME_ALIAS]: 'Note', at, text: 'Texte fictif' });
  const redact = (events: unknown[], plans: FieldPlans) =>
    redactResult({
      schema: unionSchema, labels: unionLabels, role: Role.PMI_NURSE, operation, variables: {}, plans,
      data: { child: { [CHILD_ID_ALIAS]: 'child-a', events } },
      facts: () => ({ relationship: 'yes', consentedCategories: new Set() }),
    });

  it('walks each object with the plan of its own type, in whichever order the types come', () => {
    const plans: FieldPlans = new WeakMap();
    const first = redact([visit('1'), note('2'), visit('3')], plans);
    expect(first.data).toEqual({ child: { events: [{ at: '1', nurse: 'Infirmière fictive' }, { at: '2', text: null }, { at: '3', nurse: 'Infirmière fictive' }] } });
    expect(first.redactions).toEqual([{ path: ['child', 'events', 1, 'text'], code: 'FORBIDDEN_CATEGORY', category: DataCategory.COURT_DECISION }]);
    // The plans kept from the first response serve the second, types in another order.
    const second = redact([note('4'), visit('5')], plans);
    expect(second.data).toEqual({ child: { events: [{ at: '4', text: null }, { at: '5', nurse: 'Infirmière fictive' }] } });
    expect(second.redactions.map((redaction) => redaction.path)).toEqual([['child', 'events', 0, 'text']]);
  });
});

describe('walkForRedaction: a concern’s children read from the client’s own selection', () => {
  const related = (ids: string[]) => (childId: string): ChildFacts => ({ relationship: ids.includes(childId) ? 'yes' : 'no', consentedCategories: new Set() });
  const child = (id: string, firstName: string) => ({ [CHILD_ID_ALIAS]: id, firstName });
  const inbox = (concerns: unknown[], query = 'query { concernsInbox { status children { firstName } } }', variables = {}) =>
    redactResult({ schema, labels, role: Role.CRIP_EVALUATOR, variables, operation: operationOf(query), data: { concernsInbox: concerns }, facts: related(['child-b']) });

  it('decides a concern for every child it names, as it would from the helper list', () => {
    const concerns = [
      { status: 'SUBMITTED', children: [child('child-a', 'Alba'), child('child-b', 'Basile')] },
      { status: 'CLOSED', children: [child('child-b', 'Basile')] },
    ];
    const withoutHelper = inbox(concerns);
    expect(withoutHelper.data).toEqual({ concernsInbox: [{ status: null, children: null }, { status: 'CLOSED', children: [{ firstName: 'Basile' }] }] });
    expect(withoutHelper.redactions.map(({ path, code }) => [path, code])).toEqual([
      [['concernsInbox', 0, 'status'], 'NEED_TO_KNOW'],
      [['concernsInbox', 0, 'children'], 'NEED_TO_KNOW'],
    ]);
    expect(withoutHelper.childIds.sort()).toEqual(['child-a', 'child-b']);
    const withHelper = inbox(concerns.map((concern) => ({ [SUBJECTS_ALIAS]: concern.children.map((item) => ({ [CHILD_ID_ALIAS]: item[CHILD_ID_ALIAS] })), ...concern })));
    expect(withHelper).toEqual(withoutHelper);
  });

  it('names the children whose timeline the answer holds only inside a withheld concern', () => {
    const withTimeline = (id: string, firstName: string) => ({ ...child(id, firstName), timeline: { events: [{ kind: 'VISIT' }] } });
    const query = 'query { concernsInbox { status children { firstName timeline { events { kind } } } } }';
    const shared = { status: 'SUBMITTED', children: [withTimeline('child-a', 'Alba'), withTimeline('child-b', 'Basile')] };
    const read = (childId: string) => timelineRead(childId, undefined, undefined, { events: true, withheld: false });
    // Withheld: child-a is not the viewer's. Neither timeline in it reaches the client.
    expect([...inbox([shared], query).timelinesWithheld].sort()).toEqual([read('child-a'), read('child-b')]);
    // child-b's timeline reaches the client through a concern of its own.
    const own = { status: 'CLOSED', children: [withTimeline('child-b', 'Basile')] };
    expect([...inbox([shared, own], query).timelinesWithheld]).toEqual([read('child-a')]);
    expect([...inbox([own], query).timelinesWithheld]).toEqual([]);
  });

  it('tells a timeline read withheld from the same child’s read carried with other dates or parts', () => {
    const query = 'query { concernsInbox { status children { firstName timeline { events { kind } } counts: timeline(from: "2030-01-01") { withheld { count } } } } }';
    const both = (id: string, firstName: string) => ({ ...child(id, firstName), timeline: { events: [{ kind: 'VISIT' }] }, counts: { withheld: [] } });
    const shared = { status: 'SUBMITTED', children: [both('child-a', 'Alba'), both('child-b', 'Basile')] };
    const own = { status: 'CLOSED', children: [{ ...child('child-b', 'Basile'), counts: { withheld: [] } }] };
    const events = (childId: string) => timelineRead(childId, undefined, undefined, { events: true, withheld: false });
    const counts = (childId: string) => timelineRead(childId, '2030-01-01', undefined, { events: false, withheld: true });
    // child-b's counts reach the client through its own concern; its events do not.
    expect([...inbox([shared, own], query).timelinesWithheld].sort()).toEqual([events('child-a'), counts('child-a'), events('child-b')].sort());
  });

  it('reads the client’s field under its alias', () => {
    const outcome = inbox([{ status: 'SUBMITTED', kids: [child('child-a', 'Alba')] }], 'query { concernsInbox { status kids: children { firstName } } }');
    expect(outcome.data).toEqual({ concernsInbox: [{ status: null, kids: null }] });
    expect(outcome.childIds).toEqual(['child-a']);
  });

  it('reads the helper list when the rewrite added one', () => {
    // The rewrite adds it when the client's children may be missing (a condition on them).
    const outcome = inbox(
      [{ [SUBJECTS_ALIAS]: [{ [CHILD_ID_ALIAS]: 'child-a' }], status: 'SUBMITTED', children: [child('child-b', 'Basile')] }],
      'query ($all: Boolean!) { concernsInbox { status children @include(if: $all) { firstName } } }',
      { all: true },
    );
    expect(outcome.data).toEqual({ concernsInbox: [{ status: null, children: null }] });
    expect(outcome.childIds.sort()).toEqual(['child-a']);
  });
});
