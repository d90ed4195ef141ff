import {
  type DocumentNode,
  type FieldNode,
  getNamedType,
  type GraphQLSchema,
  isAbstractType,
  isCompositeType,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type GraphQLCompositeType,
} from 'graphql';
import type { DataCategory } from '../../../common/src/domain.js';
import { CHILD_ID_ALIAS, CHILD_TYPE, isWholeSubjectList, REFERENT_ALIAS, REFERENT_FIELD, REFERENT_TYPE, SUBJECT_FIELDS, SUBJECT_ID_FIELDS, SUBJECTS_ALIAS, TYPENAME_ALIAS } from './helper-fields.js';
import { inlineFragments } from './inline-fragments.js';
import { effectiveCategory, type LabelMap } from './labels.js';

export interface RewrittenOperation {
  /** A new document holding only the rewritten operation (fragments inlined). */
  document: DocumentNode;
  operation: OperationDefinitionNode;
  /** The client's operation with fragments inlined, which the redaction walks. */
  original: OperationDefinitionNode;
  /** How many field selections were removed because the role may never see them. */
  removedFields: number;
  /**
   * Every category a field of the operation can be decided under (on any possible type of
   * an abstract selection), kept or removed: the facts a response can need follow from it.
   */
  categories: ReadonlySet<DataCategory>;
  /**
   * Nothing in the operation is about a child: no field is labelled and no helper field was
   * added (no child, subject or abstract type is selected), so the planner's result is the
   * response as it stands (`me`, a DPO's reading of the audit log).
   */
  decidesNothing: boolean;
}

const aliased = (alias: string, name: string, selectionSet?: SelectionSetNode): FieldNode => ({
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: alias },
  name: { kind: Kind.NAME, value: name },
  ...(selectionSet ? { selectionSet } : {}),
});
const selectionSetOf = (selections: SelectionNode[]): SelectionSetNode => ({ kind: Kind.SELECTION_SET, selections });

const TYPENAME_FIELD: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/**
 * Rewrites an operation for one role, before it is planned: every field of a category the
 * role may never see is removed (so it is never fetched), and the ids the hub needs to
 * decide per child (and whether a child has a référent to notify) are added under reserved
 * aliases. Pure; the input is not mutated.
 */
export function rewriteOperation(args: {
  schema: GraphQLSchema;
  labels: LabelMap;
  forbidden: ReadonlySet<DataCategory>;
  document: DocumentNode;
  operation: OperationDefinitionNode;
}): RewrittenOperation {
  const { schema, labels, forbidden } = args;
  let removedFields = 0;
  let helpers = 0;
  const categories = new Set<DataCategory>();

  const rewrite = (selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, holder: DataCategory | null, underChild: boolean): SelectionSetNode => {
    const inChild = underChild || parentType.name === CHILD_TYPE;
    const selections: SelectionNode[] = [];
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        if (!type || !isCompositeType(type)) continue;
        selections.push({ ...selection, selectionSet: rewrite(selection.selectionSet, type, holder, underChild) });
        continue;
      }
      if (selection.kind !== Kind.FIELD) continue;
      if (selection.name.value.startsWith('__') || !('getFields' in parentType)) {
        selections.push(selection);
        continue;
      }
      const category = effectiveCategory(labels, parentType.name, selection.name.value, holder);
      if (category) categories.add(category);
      // The redaction decides under the runtime type's label: count those too.
      if (isAbstractType(parentType)) {
        for (const type of schema.getPossibleTypes(parentType)) {
          const possible = effectiveCategory(labels, type.name, selection.name.value, holder);
          if (possible) categories.add(possible);
        }
      }
      if (category && forbidden.has(category)) {
        removedFields += 1;
        continue;
      }
      const field = parentType.getFields()[selection.name.value];
      const fieldType = field ? getNamedType(field.type) : undefined;
      if (selection.selectionSet && fieldType && isCompositeType(fieldType)) {
        selections.push({ ...selection, selectionSet: rewrite(selection.selectionSet, fieldType, category, inChild) });
      } else {
        selections.push(selection);
      }
    }
    const before = selections.length;
    if (parentType.name === CHILD_TYPE) selections.push(aliased(CHILD_ID_ALIAS, 'id'));
    const subjectField = SUBJECT_FIELDS[parentType.name];
    // A client selecting the subject field itself (a concern's `children`), always and as it
    // is, has it fetched with the children's helper ids: the walk reads them there
    // (`isWholeSubjectList`), and the subgraph does not resolve the list twice.
    if (subjectField) {
      const selectedAlways = selections.some((selection) => selection.kind === Kind.FIELD && isWholeSubjectList(selection, parentType.name) && !selection.directives?.length);
      if (!selectedAlways) selections.push(aliased(SUBJECTS_ALIAS, subjectField, selectionSetOf([aliased(CHILD_ID_ALIAS, 'id')])));
    } else if (SUBJECT_ID_FIELDS[parentType.name] && !underChild) {
      selections.push(aliased(SUBJECTS_ALIAS, SUBJECT_ID_FIELDS[parentType.name]));
    }
    if (isAbstractType(parentType)) selections.push(aliased(TYPENAME_ALIAS, '__typename'));
    if (parentType.name === REFERENT_TYPE) selections.push(aliased(REFERENT_ALIAS, REFERENT_FIELD, selectionSetOf([TYPENAME_FIELD])));
    helpers += selections.length - before;
    // A selection set emptied by the removal keeps one harmless field so the operation stays valid.
    if (selections.length === 0) selections.push(TYPENAME_FIELD);
    return { ...selectionSet, selections };
  };

  const original = inlineFragments(args.document, args.operation);
  const rootType = schema.getRootType(original.operation);
  if (!rootType) throw new Error(`Schema has no ${original.operation} type`);
  const operation: OperationDefinitionNode = { ...original, selectionSet: rewrite(original.selectionSet, rootType, null, false) };
  return { document: { kind: Kind.DOCUMENT, definitions: [operation] }, operation, original, removedFields, categories, decidesNothing: categories.size === 0 && helpers === 0 };
}
