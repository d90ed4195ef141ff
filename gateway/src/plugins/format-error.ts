import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from '../../../common/src/log.js';
import { fieldOfValidationErrors } from '../../../common/src/subgraph/format-error.js';
import { HubErrorCode } from '../errors.js';

/** Codes a client may see as they are; everything else becomes an opaque internal error. */
const PASS_THROUGH = new Set<string>([
  ...Object.keys(HubErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);
const KEPT_EXTENSIONS = ['code', 'category', 'field', 'source', 'reason', 'count'];

/** Codes whose graphql-js messages may quote the client's values back. */
const ECHOING_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED']);

/**
 * Removes what graphql-js quotes back from the client in coercion, validation and syntax
 * messages: the values (`got invalid value … at`, `found …;`, `non string value: …`) and
 * every quoted word (`Value "…" does not exist in "…" enum`, `Field "…" is not defined by
 * type`, `Unexpected Name "…"`), since an enum value, an input key or a stray word is the
 * client's text and may be a name or an address. An error message never carries data, not
 * even what the client sent; `extensions.field` and the locations point at the offence.
 * A value is cut to the end of the message, never to a `;`, a quote or an ` at "` it may
 * hold itself: "Mère absente; le père …" came back from its first `;` on.
 */
export function withoutValues(message: string): string {
  return message
    // graphql-js writes an enum's reason as `Value "<the client's text>" does not exist in
    // "<Enum>" enum.` without escaping it: a quote in the text would unbalance the last step.
    .replace(/^Value ".*" does not exist in "([_A-Za-z][_0-9A-Za-z]*)" enum\./s, 'Value "…" does not exist in "$1" enum.')
    // Likewise an input object's unknown key: `Field "<the client's key>" is not defined by type "<Input>".`
    .replace(/^Field ".*" is not defined by type "([_A-Za-z][_0-9A-Za-z]*)"\./s, 'Field "…" is not defined by type "$1".')
    .replace(/got invalid value .*$/s, 'got invalid value.')
    .replace(/, found .*$/s, ', found an invalid value.')
    .replace(/(cannot represent [^:]*value): .*$/s, '$1.')
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .slice(0, 300);
}

/** A variable's coercion error: where in the variable, and graphql-js's reason. */
interface CoercionError {
  /** `input.observedAt`, `input.categories[0]`, or the variable itself (`input`). */
  at: string;
  /** `Date must be …`, `Field "visitedOn" of required type "Date!" was not provided.` */
  reason: string;
}

/**
 * graphql-js writes `Variable "$v" got invalid value <value> at "<path>"; <reason>` and keeps
 * the reason as the error's `originalError` (Apollo's UserInputError keeps it too). The value
 * is the client's text, which may hold `;`, quotes or ` at "`, so it is never searched: the
 * reason is cut from the end of the message and the path read just before it.
 */
export function coercionError(message: string, error: unknown): CoercionError | undefined {
  const reason = (unwrapResolverError(error) as { originalError?: { message?: unknown } } | undefined)?.originalError?.message;
  if (typeof reason !== 'string' || !message.endsWith(`; ${reason}`)) return undefined;
  const prefix = message.slice(0, message.length - reason.length - 2);
  const variable = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)" got invalid value /.exec(prefix)?.[1];
  if (!variable) return undefined;
  return { at: / at "([_0-9A-Za-z.[\]]+)"$/.exec(prefix)?.[1] ?? variable, reason };
}

/**
 * The `field` of a coercion error: its path, and for a field not provided (a name from the
 * schema, not the client's) that field under it, `input.visitedOn`.
 */
function fieldOfCoercion(coercion: CoercionError): string {
  const missing = /^Field "([_A-Za-z][_0-9A-Za-z]*)" of required type "[^"]*" was not provided\.$/.exec(coercion.reason)?.[1];
  return missing ? `${coercion.at}.${missing}` : coercion.at;
}

/** Connection-level failures (SQLSTATE class 08, shutdowns, refused or cut sockets): not a bug. */
const OUTAGE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
const OUTAGE_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout)/;

/**
 * True for an error of the database connection itself, as pg raises it, TypeORM wraps it
 * (`driverError`) or the hub's in-process subgraph passes it on (`originalError`); false
 * for a query the database refused (a constraint, a syntax error), which stays an
 * unexpected error.
 */
export function isDatabaseOutage(error: unknown): boolean {
  type Layer = { code?: unknown; message?: unknown; driverError?: unknown; originalError?: unknown } | undefined;
  for (let current = error as Layer, depth = 0; current && depth < 4; depth += 1) {
    if (typeof current.code === 'string' && OUTAGE_CODES.has(current.code)) return true;
    if (typeof current.message === 'string' && OUTAGE_MESSAGES.test(current.message)) return true;
    current = (current.driverError ?? current.originalError) as Layer;
  }
  return false;
}

/**
 * The hub's `formatError`: typed errors keep their code and the few extensions clients rely
 * on; subgraph internals (service names in `serviceName`, stack traces, SQL) are dropped and
 * unexpected errors are logged by name only and answered as INTERNAL_SERVER_ERROR.
 */
export function createHubFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    let code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
    // A request limit's own code, which Apollo's validation wrapper overwrote.
    if (code === 'GRAPHQL_VALIDATION_FAILED' && typeof formatted.extensions?.limit === 'string') {
      return { message: formatted.message, extensions: { code: formatted.extensions.limit } };
    }
    if (code === 'GRAPHQL_PARSE_FAILED' && /contains more tha[nt] \d+ tokens/.test(formatted.message)) {
      return { message: 'The query is too large', extensions: { code: 'TOO_MANY_TOKENS' } };
    }
    if (code && PASS_THROUGH.has(code)) {
      const extensions: Record<string, unknown> = {};
      for (const key of KEPT_EXTENSIONS) if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
      const coercion = code === 'BAD_USER_INPUT' ? coercionError(formatted.message, error) : undefined;
      const message = coercion
        ? `Variable "…" got invalid value; ${withoutValues(coercion.reason)}`
        : ECHOING_CODES.has(code)
          ? withoutValues(formatted.message)
          : formatted.message;
      if (code === 'BAD_USER_INPUT' && extensions.field === undefined) {
        // A coercion error names its field; the hub's own resolvers' input validation
        // (type-graphql's "Argument Validation Error") lists it in `validationErrors`.
        const validation = (unwrapResolverError(error) as { extensions?: Record<string, unknown> } | undefined)?.extensions?.validationErrors;
        const field = (coercion && fieldOfCoercion(coercion)) || fieldOfValidationErrors(formatted.extensions?.validationErrors ?? validation);
        if (field) extensions.field = field;
      }
      return { message, ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}), extensions };
    }
    const original = unwrapResolverError(error) as { name?: string } | undefined;
    if (isDatabaseOutage(original)) {
      // The hub's own database is away (a restart, a cut connection): a fact could not be read.
      logger.error('graphql.database_unavailable', { errorName: original?.name ?? 'unknown', path: formatted.path ?? null });
      return { message: 'The hub’s database is unavailable', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'SOURCE_UNAVAILABLE', source: 'HUB' } };
    }
    logger.error('graphql.unexpected_error', { code: code ?? null, errorName: original?.name ?? 'unknown', path: formatted.path ?? null });
    return { message: 'Internal server error', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
