import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { type OperationDefinitionNode, parse, print } from 'graphql';
import { DataCategory, Role } from '../../../common/src/domain';
import { labelsFromSupergraph } from './labels';
import { rewriteOperation } from './rewrite-operation';
import { forbiddenCategories } from './rules';

const supergraphSdl = readFileSync(path.join(__dirname, '../../../schema/supergraph.graphql'), 'utf8');
const schema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
const labels = labelsFromSupergraph(supergraphSdl);

function rewrite(role: Role, query: string) {
  const document = parse(query);
  return rewriteOperation({ schema, labels, forbidden: forbiddenCategories(role), document, operation: document.definitions[0] as OperationDefinitionNode });
}

describe('rewriteOperation: the categories an operation can need decided', () => {
  it('lists the categories of the labelled fields, nested ones included', () => {
    const rewritten = rewrite(Role.PMI_NURSE, 'query { myChildren { id firstName protectionStatus { level referent { name } } } }');
    expect([...rewritten.categories].sort()).toEqual([DataCategory.IDENTITY, DataCategory.PROTECTION_STATUS]);
    expect(rewritten.removedFields).toBe(0);
  });

  it('counts removed fields too (their category is still decided, as FORBIDDEN_CATEGORY)', () => {
    const rewritten = rewrite(Role.PMI_NURSE, 'query { myChildren { courtDecisions { kind } pmiFollowUp { since } } }');
    expect([...rewritten.categories].sort()).toEqual([DataCategory.COURT_DECISION, DataCategory.HEALTH_FOLLOW_UP]);
    expect(rewritten.removedFields).toBe(1);
  });

  it('sees through fragments', () => {
    const rewritten = rewrite(Role.ASE_REFERENT, 'query { myChildren { ...F } } fragment F on Child { healthRecord { __typename } childcare { startDate } }');
    expect([...rewritten.categories].sort()).toEqual([DataCategory.CHILDCARE, DataCategory.HEALTH_DETAILS]);
  });

  it('is empty for an operation that touches no child data', () => {
    expect(rewrite(Role.PMI_NURSE, 'query { me { id name } }').categories.size).toBe(0);
  });
});

describe('rewriteOperation: whether anything is left to decide', () => {
  it.each([
    ['nothing about a child', 'query { me { id name } }', true],
    ['a labelled field', 'query { myChildren { firstName } }', false],
    // No labelled field, but children are named: the walk must find them (audit) and strip the helper.
    ['only the children’s opaque ids', 'query { myChildren { id } }', false],
    ['a concern’s unlabelled id, whose children the helper names', 'query { concernsInbox { id } }', false],
  ])('%s: %s', (_label, query, expected) => {
    expect(rewrite(Role.CRIP_EVALUATOR, query).decidesNothing).toBe(expected);
  });
});

describe('rewriteOperation: the helper fields', () => {
  it('asks every protection status whether the child has a référent, under a reserved alias', () => {
    const rewritten = rewrite(Role.PMI_NURSE, 'query { myChildren { protectionStatus { level } } }');
    expect(print(rewritten.operation)).toContain('protectionStatus {\n      level\n      _cpReferent: referent {\n        __typename\n      }\n    }');
  });

  it('asks nothing of a protection status the role may never see (the field is gone)', () => {
    const rewritten = rewrite(Role.RPE_COORDINATOR, 'query { myChildren { protectionStatus { level } } }');
    expect(print(rewritten.operation)).not.toContain('referent');
  });
});

describe('rewriteOperation: a concern’s children, named once', () => {
  const subjectHelpers = (query: string, role = Role.CRIP_EVALUATOR) => (print(rewrite(role, query).operation).match(/_cpSubjects: children/g) ?? []).length;

  it('adds no helper list where the client selects the children itself, always and as they are', () => {
    expect(subjectHelpers('query { concernsInbox { status children { firstName } } }')).toBe(0);
    // The client's children still carry the helper id the walk reads.
    expect(print(rewrite(Role.CRIP_EVALUATOR, 'query { concernsInbox { children { firstName } } }').operation)).toContain('children {\n      firstName\n      _cpChildId: id\n    }');
  });

  it.each([
    ['no children selected', 'query { concernsInbox { status } }'],
    ['children under a condition', 'query ($all: Boolean!) { concernsInbox { status children @include(if: $all) { firstName } } }'],
    ['children only inside a fragment', 'query { concernsInbox { status ... on Concern { children { firstName } } } }'],
  ])('adds the helper list when the client’s own may be missing: %s', (_label, query) => {
    expect(subjectHelpers(query)).toBeGreaterThanOrEqual(1);
  });

  it('adds the helper list where the role may never see the children (the client’s field is removed)', () => {
    // CONCERN is D for a PMI nurse: the client's children (labelled CONCERN) are removed. (A
    // nurse may not call concernsInbox; the executor refuses that apart from the rewrite.)
    const printed = print(rewrite(Role.PMI_NURSE, 'query { concernsInbox { id children { firstName } } }').operation);
    expect(printed).not.toContain('firstName');
    expect(subjectHelpers('query { concernsInbox { id children { firstName } } }', Role.PMI_NURSE)).toBe(1);
  });
});
