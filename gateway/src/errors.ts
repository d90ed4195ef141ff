import { GraphQLError } from 'graphql';
import { DataCategory } from '../../common/src/domain.js';

/**
 * Every error code the hub answers with, declared once. Tests assert codes, never prose;
 * messages never carry a withheld value or personal data.
 */
export const HubErrorCode = {
  UNAUTHENTICATED: 'Missing, malformed, expired or wrongly signed token (HTTP 401).',
  FORBIDDEN: 'The viewer’s role may not call this operation at all.',
  BAD_USER_INPUT: 'Invalid input; `extensions.field` names the offending field.',
  NOT_FOUND: 'No such child for this viewer (unknown id and no care relationship look the same).',
  FORBIDDEN_CATEGORY: 'The viewer’s role may never see this data category.',
  NEED_TO_KNOW: 'The viewer has no care relationship with this child.',
  CONSENT_REQUIRED: 'Releasing this category to this role needs a valid parental consent.',
  SOURCE_UNAVAILABLE: 'An institution’s service did not answer; what depends on it is withheld.',
  AUDIT_UNAVAILABLE: 'The audit log could not be written, so nothing is released.',
  CONFLICT: 'The write conflicts with the current state (e.g. an illegal status transition).',
  QUERY_TOO_DEEP: 'The operation nests deeper than the hub allows (refused before execution).',
  TOO_MANY_ALIASES: 'The operation uses more aliases than the hub allows.',
  TOO_MANY_TOKENS: 'The operation text is longer than the hub allows (refused before parsing).',
  TOO_MANY_DIRECTIVES: 'The operation uses more directives than the hub allows.',
  QUERY_TOO_COMPLEX: 'The operation’s estimated cost (lists counted by `first`) is above the limit.',
  OPERATION_NOT_TRUSTED: 'In enforcing mode, only the operations of the trusted allow-list run.',
} as const;
export type HubErrorCodeName = keyof typeof HubErrorCode;

/** The codes of a redacted field: DESIGN.md's three, and a fact that could not be established. */
export type RedactionCode = 'FORBIDDEN_CATEGORY' | 'NEED_TO_KNOW' | 'CONSENT_REQUIRED' | 'SOURCE_UNAVAILABLE';

export function hubError(code: HubErrorCodeName, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/**
 * An error that refuses the whole request, with the HTTP status it deserves (403, 503…).
 * Apollo reads `extensions.http` into the response head and removes it from the error.
 */
export function withHttpStatus(error: GraphQLError, status: number): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, path: error.path, originalError: error.originalError, extensions: { ...error.extensions, http: { status } } });
}

export const forbidden = (operation: string) => hubError('FORBIDDEN', `Your role may not call ${operation}`);
export const childNotFound = () => hubError('NOT_FOUND', 'Child not found');
export const sourceUnavailable = (source: string) => hubError('SOURCE_UNAVAILABLE', `The ${source} service is unavailable`, { source });

export const REDACTION_MESSAGES: Record<RedactionCode, string> = {
  FORBIDDEN_CATEGORY: 'Your role may not see this information',
  NEED_TO_KNOW: 'You have no care relationship with this child',
  CONSENT_REQUIRED: 'A parental consent is required to see this information',
  SOURCE_UNAVAILABLE: 'This information is withheld: a service needed to decide is unavailable',
};

/** What `new GraphQLError(message, { path, extensions })` leaves on its prototype chain. */
const REDACTION_ERROR_PROTOTYPE: GraphQLError = Object.create(GraphQLError.prototype, { name: { value: 'GraphQLError' } });

/**
 * One error per redacted field (a list of 100 children can withhold hundreds). Each is a
 * GraphQLError with the prototype, enumerable fields, `name` and `toJSON` that
 * `new GraphQLError(message, { path, extensions })` gives it (errors.test.ts compares them),
 * made without running that constructor: its `Error` construction, stack capture and
 * property redefinitions were 11 % of the hub's CPU on a response withholding 250 fields.
 * It has no stack, and none is ever shown (includeStacktraceInErrorResponses is off).
 */
export function redactionErrors(redactions: ReadonlyArray<{ code: RedactionCode; category: DataCategory; path: readonly (string | number)[] }>): GraphQLError[] {
  return redactions.map((redaction) => {
    const error = Object.create(REDACTION_ERROR_PROTOTYPE) as GraphQLError;
    return Object.assign(error, {
      message: REDACTION_MESSAGES[redaction.code],
      path: redaction.path,
      locations: undefined,
      extensions: { code: redaction.code, category: redaction.category },
    });
  });
}
