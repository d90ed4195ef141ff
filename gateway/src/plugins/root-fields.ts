import { Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** Root fields of an operation whose fragments are inlined, with their response keys. */
export function rootFields(operation: OperationDefinitionNode): Array<{ name: string; responseKey: string }> {
  const fields: Array<{ name: string; responseKey: string }> = [];
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) fields.push({ name: selection.name.value, responseKey: selection.alias?.value ?? selection.name.value });
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
