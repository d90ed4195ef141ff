import { GraphQLError } from 'graphql';

/**
 * Error codes a subgraph may return. Declared once, with a description; tests assert
 * codes, never messages. Messages never carry personal data.
 */
export const SubgraphErrorCode = {
  BAD_USER_INPUT: 'Invalid input; `extensions.field` names the offending field.',
  NOT_FOUND: 'The referenced record does not exist.',
  CONFLICT: 'The request conflicts with the current state (e.g. an illegal status transition).',
  UNAUTHENTICATED: 'The request does not carry a valid hub signature.',
  FORBIDDEN: 'The signed viewer may not do this (e.g. ask about another agent than itself).',
} as const;
export type SubgraphErrorCodeName = keyof typeof SubgraphErrorCode;

export function badUserInput(field: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });
}

export function notFound(what: string, field?: string): GraphQLError {
  return new GraphQLError(`${what} not found`, {
    extensions: field ? { code: 'NOT_FOUND', field } : { code: 'NOT_FOUND' },
  });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

export function conflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT' } });
}

/**
 * The CONFLICT for a write whose idempotency key holds a row that is not this write's:
 * another child's, another writer's or institution's, other values. That row is never
 * handed over in its place.
 */
export function keyAlreadyUsed(): GraphQLError {
  return conflict('This idempotency key is already used');
}
