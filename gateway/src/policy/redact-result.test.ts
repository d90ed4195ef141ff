import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { type OperationDefinitionNode, parse } from 'graphql';
import { DataCategory, Role } from '../../../common/src/domain';
import type { ChildFacts } from './decide';
import { CHILD_ID_ALIAS } from './helper-fields';
import { labelsFromSupergraph } from './labels';
import { type FieldPlans, redactResult, selectionsUseVariables } from './redact-result';

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
