import { type FieldNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * Root fields of an operation whose fragments are inlined, with their response keys: those
 * written at the top and those inside inline fragments (`... on Mutation { … }`), which run
 * as root fields all the same. Every check on root fields reads them from here.
 */
export function rootFields(operation: OperationDefinitionNode): Array<{ name: string; responseKey: string; node: FieldNode }> {
  const fields: Array<{ name: string; responseKey: string; node: FieldNode }> = [];
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) fields.push({ name: selection.name.value, responseKey: selection.alias?.value ?? selection.name.value, node: selection });
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
    }
  };
  visit(operation.selectionSet);
  return fields;
}

/** True when any alias of the operation uses a prefix the hub reserves for itself. */
export function usesReservedAlias(operation: OperationDefinitionNode, prefix: string): boolean {
  let found = false;
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (found) return;
      if (selection.kind === Kind.FIELD && selection.alias?.value.startsWith(prefix)) found = true;
      if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet) visit(selection.selectionSet);
    }
  };
  visit(operation.selectionSet);
  return found;
}
