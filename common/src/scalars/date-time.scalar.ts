import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isIsoDate } from './date.scalar.js';

const DATE_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/**
 * An instant written with a real calendar day and a time of day: JavaScript's parser rolls
 * `2026-02-30T00:00:00Z` over to 2 March and `T24:00` to the next day, so a DPO's window
 * asked "from 29 February" silently started on 1 March. The day is checked as the Date
 * scalar checks it.
 */
function parseDateTime(value: unknown): Date {
  const match = typeof value === 'string' ? DATE_TIME_PATTERN.exec(value) : null;
  if (match && isIsoDate(match[1])) {
    const date = new Date(value as string);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new GraphQLError('DateTime must be an ISO-8601 instant with a time zone', {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** An instant, serialised as ISO-8601 UTC (`2025-09-01T08:00:00.000Z`). */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, ISO-8601 with time zone',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString();
    return parseDateTime(value).toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseDateTime(ast.value);
  },
});
