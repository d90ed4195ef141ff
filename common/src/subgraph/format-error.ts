import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from '../log.js';

interface ValidationErrorLike {
  property: string;
  children?: ValidationErrorLike[];
}

/** `input` → `childIds`: the dotted path of the first invalid property. */
export function firstInvalidField(errors: ValidationErrorLike[], prefix = ''): string | undefined {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.children && error.children.length > 0) return firstInvalidField(error.children, path) ?? path;
    return path;
  }
  return undefined;
}

/**
 * The `field` of type-graphql's "Argument Validation Error", from its `validationErrors`:
 * every validated argument here is an input object named `input`. Undefined when absent.
 */
export function fieldOfValidationErrors(validationErrors: unknown): string | undefined {
  if (!Array.isArray(validationErrors)) return undefined;
  const field = firstInvalidField(validationErrors as ValidationErrorLike[]);
  return field ? `input.${field}`.replace(/^input\.input\./, 'input.') : undefined;
}

const SAFE_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'FORBIDDEN',
]);

/**
 * Subgraph `formatError`: typed errors pass through (validation errors gain `field`);
 * anything unexpected (a database error, a bug) is logged by name and answered as an opaque
 * INTERNAL_SERVER_ERROR, so SQL and data never reach the hub or a client.
 */
export function createSubgraphFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error) as { extensions?: Record<string, unknown>; name?: string } | undefined;
    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
    if (code === 'BAD_USER_INPUT' && original?.extensions?.validationErrors) {
      return { message: 'Invalid input', path: formatted.path, extensions: { code, field: fieldOfValidationErrors(original.extensions.validationErrors) } };
    }
    if (code && SAFE_CODES.has(code)) {
      return { message: formatted.message, path: formatted.path, locations: formatted.locations, extensions: { ...formatted.extensions, stacktrace: undefined } };
    }
    logger.error('graphql.unexpected_error', { errorName: original?.name ?? 'unknown', path: formatted.path });
    return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
