import { type DocumentNode, type GraphQLSchema, isNonNullType, type OperationDefinitionNode, TypeInfo, ValidationContext } from 'graphql';

/**
 * The variables an operation uses where a value is required (a non-null argument, input
 * field, list item or directive argument). GraphQL lets a nullable variable with a default
 * stand there, so an explicit `null` for it passes validation and coercion and fails only
 * inside the subgraph, as an internal error: the hub refuses it first, as bad input. Depends
 * only on the operation: worked out once per prepared operation.
 */
export function variablesRequiredNonNull(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const context = new ValidationContext(schema, document, new TypeInfo(schema), () => undefined);
  const names = new Set<string>();
  for (const { node, type } of context.getRecursiveVariableUsages(operation)) if (type && isNonNullType(type)) names.add(node.name.value);
  return [...names];
}
