import type { GraphQLScalarType, GraphQLSchema } from 'graphql';
import { isScalarType } from 'graphql';
import { DateScalar } from '../../../common/src/scalars/date.scalar.js';
import { DateTimeScalar } from '../../../common/src/scalars/date-time.scalar.js';

const STRICT: ReadonlyArray<GraphQLScalarType> = [DateScalar, DateTimeScalar];

/**
 * The API schema a gateway builds from the supergraph treats custom scalars as pass-through.
 * Giving them the subgraphs' own parsing makes the hub refuse a malformed Date at the door
 * (BAD_USER_INPUT before execution) instead of forwarding it to an institution.
 */
export function withStrictScalars(schema: GraphQLSchema): GraphQLSchema {
  for (const strict of STRICT) {
    const type = schema.getType(strict.name);
    if (!type || !isScalarType(type)) continue;
    type.parseValue = strict.parseValue;
    type.parseLiteral = strict.parseLiteral;
    type.serialize = strict.serialize;
  }
  return schema;
}
