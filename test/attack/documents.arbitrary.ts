/**
 * Random GraphQL documents over the hub's Child graph (for properties.e2e.test.ts): random
 * subsets of fields, aliases, named and inline fragments, nesting through concerns. Built as
 * a small tree first, so that the test knows which response key is which field.
 */
import fc from 'fast-check';
import { CHILDREN } from '../e2e/policy-oracle';

/** One selected field: its response key is `alias ?? field`. */
export interface Selection {
  field: string;
  alias?: string;
  /** Rendered as `{ … }`: plain, inside `... on T`, or through a named fragment. */
  children?: Selection[];
  wrap?: 'plain' | 'inline' | 'named';
  args?: string;
}

/** Child's fields and their categories (DESIGN.md's table; the timeline is decided per event). */
export const CHILD_FIELD_CATEGORY: Readonly<Record<string, string>> = {
  firstName: 'IDENTITY',
  lastName: 'IDENTITY',
  birthDate: 'IDENTITY',
  protectionStatus: 'PROTECTION_STATUS',
  dossier: 'PROTECTION_DETAILS',
  cripEvaluations: 'PROTECTION_DETAILS',
  placement: 'PLACEMENT_LOCATION',
  pmiFollowUp: 'HEALTH_FOLLOW_UP',
  healthRecord: 'HEALTH_DETAILS',
  childcare: 'CHILDCARE',
  concerns: 'CONCERN',
  courtDecisions: 'COURT_DECISION',
};

const leaf = (field: string): fc.Arbitrary<Selection> => fc.constant({ field });
const object = (field: string, subfields: string[], typeName: string): fc.Arbitrary<Selection> =>
  fc.subarray(subfields, { minLength: 1 }).chain((chosen) => withShape({ field, children: chosen.map((name) => ({ field: name })) }, typeName));

const TYPE_OF: Record<string, string> = { protectionStatus: 'ProtectionStatus', dossier: 'Dossier', placement: 'Placement', pmiFollowUp: 'PmiFollowUp', healthRecord: 'HealthRecord', childcare: 'ChildcareArrangement', concerns: 'Concern', courtDecisions: 'CourtDecision', cripEvaluations: 'CripEvaluation', timeline: 'Timeline' };
export const typeNameOf = (field: string): string => TYPE_OF[field] ?? 'Child';

function withShape(selection: Selection, _typeName: string): fc.Arbitrary<Selection> {
  return fc.record({ alias: fc.option(fc.constantFrom('a', 'b', 'x', 'y', 'other'), { nil: undefined }), wrap: fc.constantFrom<Selection['wrap']>('plain', 'plain', 'inline', 'named') }).map(({ alias, wrap }) => ({ ...selection, alias, wrap }));
}

/** A Child's selection set: always its plain `id`, then a random subset of its fields. */
export function childSelections(depth: number): fc.Arbitrary<Selection[]> {
  const fields: Array<fc.Arbitrary<Selection>> = [
    leaf('firstName'),
    leaf('lastName'),
    leaf('birthDate'),
    object('protectionStatus', ['level', 'since'], 'ProtectionStatus'),
    fc.constant({ field: 'protectionStatus', alias: 'ps', children: [{ field: 'level' }, { field: 'referent', children: [{ field: 'name' }, { field: 'phone' }] }] }),
    object('dossier', ['id', 'openedOn'], 'Dossier'),
    object('placement', ['id', 'address', 'caregiverName'], 'Placement'),
    object('cripEvaluations', ['id', 'status'], 'CripEvaluation'),
    object('pmiFollowUp', ['id', 'since', 'visitCount'], 'PmiFollowUp'),
    fc.constant({ field: 'healthRecord', children: [{ field: 'checks', children: [{ field: 'id' }, { field: 'findings' }] }] }),
    object('childcare', ['id', 'schedule'], 'ChildcareArrangement'),
    object('courtDecisions', ['id', 'court', 'content'], 'CourtDecision'),
    fc.constant({ field: 'timeline', children: [{ field: 'events', children: [{ field: 'category' }, { field: 'kind' }] }, { field: 'withheld', children: [{ field: 'category' }, { field: 'count' }] }] }),
  ];
  const concerns: fc.Arbitrary<Selection> =
    depth > 0
      ? childSelections(depth - 1).chain((nested) =>
          fc.subarray(['id', 'status', 'description'], { minLength: 1 }).chain((scalars) =>
            withShape({ field: 'concerns', children: [...scalars.map((field) => ({ field })), { field: 'raisedBy', children: [{ field: 'name' }] }, { field: 'children', children: nested }] }, 'Concern'),
          ),
        )
      : object('concerns', ['id', 'status'], 'Concern');
  return fc.subarray([...fields, concerns], { minLength: 1, maxLength: 6 }).chain((arbitraries) =>
    fc.tuple(...arbitraries).map((chosen) => uniqueKeys([{ field: 'id' }, ...chosen])),
  );
}

/** One selection per response key: a repeated key would merge or conflict. */
function uniqueKeys(selections: Selection[]): Selection[] {
  const seen = new Set<string>();
  return selections.filter((selection) => {
    const key = selection.alias ?? selection.field;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Root selections: `child(id:)` for seeded and unknown ids, `myChildren`, `me`. */
export const rootSelections: fc.Arbitrary<Selection[]> = fc
  .array(
    fc.oneof(
      fc.record({ id: fc.constantFrom(...CHILDREN, 'child-unknown'), alias: fc.option(fc.constantFrom('c1', 'c2', 'c3'), { nil: undefined }), children: childSelections(1), wrap: fc.constantFrom<Selection['wrap']>('plain', 'inline', 'named') }).map(
        ({ id, alias, children, wrap }): Selection => ({ field: 'child', args: `(id: "${id}")`, alias, children, wrap }),
      ),
      fc.record({ alias: fc.option(fc.constant('mine'), { nil: undefined }), children: childSelections(1), wrap: fc.constantFrom<Selection['wrap']>('plain', 'named') }).map(({ alias, children, wrap }): Selection => ({ field: 'myChildren', alias, children, wrap })),
      fc.constant<Selection>({ field: 'me', children: [{ field: 'id' }, { field: 'role' }] }),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map(uniqueKeys);

/** Renders the tree as a document; named fragments are collected at the end. */
export function render(root: Selection[]): string {
  const fragments: string[] = [];
  const set = (selections: Selection[], typeName: string): string => {
    const body = selections.map((selection) => field(selection)).join(' ');
    return body;
  };
  const field = (selection: Selection): string => {
    const head = `${selection.alias ? `${selection.alias}: ` : ''}${selection.field}${selection.args ?? ''}`;
    if (!selection.children) return head;
    const typeName = selection.field === 'me' ? 'Agent' : ['child', 'myChildren', 'children'].includes(selection.field) ? 'Child' : typeNameOf(selection.field);
    const inner = set(selection.children, typeName);
    if (selection.wrap === 'inline') return `${head} { ... on ${typeName} { ${inner} } }`;
    if (selection.wrap === 'named' && /^[A-Z]/.test(typeName) && !['ProtectionStatus', 'HealthRecord', 'Timeline'].includes(typeName)) {
      const name = `F${fragments.length}`;
      fragments.push(`fragment ${name} on ${typeName} { ${inner} }`);
      return `${head} { ...${name} }`;
    }
    return `${head} { ${inner} }`;
  };
  return [`query Generated { ${set(root, 'Query')} }`, ...fragments].join('\n');
}
