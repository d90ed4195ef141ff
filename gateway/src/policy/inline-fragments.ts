import { type DocumentNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * Replaces every fragment spread by an inline fragment with the same type condition and
 * directives, so that each occurrence can be treated in its own context (a fragment on
 * AgentContact means a référent under one field and a reporter under another). Returns a
 * new operation; the input is never mutated (Apollo caches it).
 */
export function inlineFragments(document: DocumentNode, operation: OperationDefinitionNode): OperationDefinitionNode {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const inline = (selectionSet: SelectionSetNode, seen: ReadonlySet<string>): SelectionSetNode => ({
    ...selectionSet,
    selections: selectionSet.selections.map((selection) => {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        // Validation has already rejected unknown and cyclic fragments; stay safe anyway.
        if (!fragment || seen.has(fragment.name.value)) return { kind: Kind.INLINE_FRAGMENT, selectionSet: { kind: Kind.SELECTION_SET, selections: [] } };
        return {
          kind: Kind.INLINE_FRAGMENT,
          typeCondition: fragment.typeCondition,
          directives: selection.directives,
          selectionSet: inline(fragment.selectionSet, new Set([...seen, fragment.name.value])),
        };
      }
      return selection.selectionSet ? { ...selection, selectionSet: inline(selection.selectionSet, seen) } : selection;
    }),
  });
  return { ...operation, selectionSet: inline(operation.selectionSet, new Set()) };
}
