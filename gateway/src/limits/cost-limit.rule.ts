import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  type GraphQLCompositeType,
  isCompositeType,
  isListType,
  isNonNullType,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  valueFromASTUntyped,
  type GraphQLOutputType,
} from 'graphql';

export interface CostLimitOptions {
  maxCost: number;
  /** Assumed length of a list whose size the query does not bound with `first`. */
  defaultListSize: number;
  /** A `first` larger than this counts as this (the resolvers cap it too). */
  maxListSize: number;
  /**
   * Fragment spreads the operation may expand to, counting each spread every time it is
   * reached. The depth limit counts fields, not fragments, so this is what stops fragments
   * spreading fragments two by two (2^13 expansions of one cheap field took the hub 0.75 s).
   */
  maxFragmentSpreads: number;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * Validation rule: estimated cost of an operation, where every field costs 1 and a list
 * multiplies what is below it by its `first` argument (or `defaultListSize`). Fragments are
 * counted where they are spread, and an operation expanding to more than
 * `maxFragmentSpreads` spreads is too complex whatever its cost. Refused before execution
 * with QUERY_TOO_COMPLEX; the message does not reveal the limit.
 */
export function costLimitRule(options: CostLimitOptions) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const schema = context.getSchema();
    let spreads = 0;

    // `bounded`: the field above took a `first` (a Relay connection): its list is already counted.
    const costOf = (selectionSet: SelectionSetNode, type: GraphQLCompositeType, seen: ReadonlySet<string>, bounded = false): number => {
      let total = 0;
      for (const selection of selectionSet.selections) {
        if (total > options.maxCost) return total;
        if (selection.kind === Kind.FRAGMENT_SPREAD) {
          const fragment = fragments.get(selection.name.value);
          if (!fragment || seen.has(fragment.name.value)) continue;
          spreads += 1;
          if (spreads > options.maxFragmentSpreads) return options.maxCost + 1;
          const fragmentType = schema.getType(fragment.typeCondition.name.value);
          if (fragmentType && isCompositeType(fragmentType)) total += costOf(fragment.selectionSet, fragmentType, new Set([...seen, fragment.name.value]), bounded);
          continue;
        }
        if (selection.kind === Kind.INLINE_FRAGMENT) {
          const inlineType = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
          if (inlineType && isCompositeType(inlineType)) total += costOf(selection.selectionSet, inlineType, seen, bounded);
          continue;
        }
        const field = 'getFields' in type ? type.getFields()[selection.name.value] : undefined;
        if (!field) {
          total += 1;
          continue;
        }
        const first = selection.arguments?.find((argument) => argument.name.value === 'first');
        const firstValue = first ? valueFromASTUntyped(first.value, {}) : undefined;
        const requested = typeof firstValue === 'number' && firstValue > 0 ? Math.min(firstValue, options.maxListSize) : null;
        let multiplier = 1;
        if (requested !== null) multiplier = requested;
        else if (isList(field.type) && !bounded) multiplier = options.defaultListSize;
        const named = getNamedType(field.type);
        const below = selection.selectionSet && isCompositeType(named) ? costOf(selection.selectionSet, named, seen, requested !== null && !isList(field.type)) : 0;
        total += multiplier * (1 + below);
      }
      return total;
    };

    return {
      OperationDefinition(operation) {
        const root = schema.getRootType(operation.operation);
        if (!root) return;
        spreads = 0;
        if (costOf(operation.selectionSet, root, new Set()) > options.maxCost) {
          context.reportError(new GraphQLError('The query is too complex', { nodes: [operation], extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'QUERY_TOO_COMPLEX' } }));
        }
      },
    };
  };
}
