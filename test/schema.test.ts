import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type FieldDefinitionNode, Kind, parse, type TypeNode } from 'graphql';
import { ALL_ROLES, type DataCategory } from '../common/src/domain';
import { UNLABELLED_BY_DESIGN } from '../gateway/src/policy/helper-fields';
import { labelsFromSupergraph } from '../gateway/src/policy/labels';
import { ruleFor } from '../gateway/src/policy/rules';
import { composeSupergraph } from '../scripts/compose/compose-supergraph';
import { SUBGRAPH_SOURCES } from '../scripts/compose/subgraph-sources';
import { trustedOperationsManifest } from '../scripts/compose/trusted-operations';

const SCHEMA_DIR = path.resolve(__dirname, '../schema');
const supergraphSdl = readFileSync(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8');
const labels = labelsFromSupergraph(supergraphSdl);

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}
const isInaccessible = (field: FieldDefinitionNode) => (field.directives ?? []).some((directive) => directive.name.value === 'inaccessible');

/** Object types of the supergraph with their client-visible fields. */
const objectFields = new Map<string, FieldDefinitionNode[]>();
for (const definition of parse(supergraphSdl).definitions) {
  if (definition.kind === Kind.OBJECT_TYPE_DEFINITION) objectFields.set(definition.name.value, (definition.fields ?? []).filter((field) => !isInaccessible(field)));
}

/** Every (type, field, holder category) reachable from Child, following labelled fields. */
function reachableFromChild(): Array<{ coordinate: string; nonNull: boolean; category: DataCategory | 'inherited' | undefined; holder: DataCategory | null }> {
  const found: ReturnType<typeof reachableFromChild> = [];
  const seen = new Set<string>();
  const visit = (typeName: string, holder: DataCategory | null) => {
    const key = `${typeName}/${holder}`;
    if (seen.has(key) || !objectFields.has(typeName)) return;
    seen.add(key);
    for (const field of objectFields.get(typeName) ?? []) {
      const coordinate = `${typeName}.${field.name.value}`;
      if (UNLABELLED_BY_DESIGN.has(coordinate)) continue;
      const category = labels.get(coordinate);
      found.push({ coordinate, nonNull: field.type.kind === Kind.NON_NULL_TYPE, category, holder });
      const next = category && category !== 'inherited' ? category : holder;
      visit(namedType(field.type), namedType(field.type) === 'Child' ? null : next);
    }
  };
  visit('Child', null);
  return found;
}

const RANK = { D: 0, C: 1, A: 2, 'A*': 2 } as const;

describe('checked-in schema', () => {
  it('matches what the code composes, with no composition errors or unaccepted hints', async () => {
    const composition = await composeSupergraph(SUBGRAPH_SOURCES);
    composition.files.set('trusted-operations.json', trustedOperationsManifest(path.resolve(__dirname, '../examples')));
    expect(composition.errors).toEqual([]);
    expect(composition.unacceptedHints).toEqual([]);
    for (const [name, content] of composition.files) expect({ name, content }).toEqual({ name, content: readFileSync(path.join(SCHEMA_DIR, name), 'utf8') });
  });
});

describe('data-category labels', () => {
  const fields = reachableFromChild();

  it('reach the supergraph from every subgraph', () => {
    expect(fields.length).toBeGreaterThan(60);
    expect(labels.get('Child.firstName')).toBe('IDENTITY');
    expect(labels.get('Child.protectionStatus')).toBe('PROTECTION_STATUS');
    expect(labels.get('Child.pmiFollowUp')).toBe('HEALTH_FOLLOW_UP');
    expect(labels.get('Child.childcare')).toBe('CHILDCARE');
    expect(labels.get('Child.courtDecisions')).toBe('COURT_DECISION');
    expect(labels.get('CourtDecision.content')).toBe('COURT_DECISION_CONTENT');
    expect(labels.get('Concern.raisedBy')).toBe('REPORTER_IDENTITY');
  });

  it('label every field reachable from Child', () => {
    expect(fields.filter((field) => field.category === undefined).map((field) => field.coordinate)).toEqual([]);
  });

  it('never leave an inherited field without a labelled holder', () => {
    expect(fields.filter((field) => field.category === 'inherited' && field.holder === null).map((field) => field.coordinate)).toEqual([]);
  });

  it('make nullable every field that can be withheld while its holder is released', () => {
    // Non-null is safe only if, for every role, the field is at least as visible as its holder.
    const unsafe = fields.filter((field) => {
      if (!field.nonNull || !field.category || field.category === 'inherited' || field.category === field.holder) return false;
      const holder = field.holder;
      if (holder === null) return true;
      const category = field.category;
      return ALL_ROLES.some((role) => RANK[ruleFor(category, role)] < RANK[ruleFor(holder, role)]);
    });
    expect(unsafe.map((field) => field.coordinate)).toEqual([]);
  });
});
