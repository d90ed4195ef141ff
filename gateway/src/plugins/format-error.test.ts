import { GraphQLError } from 'graphql';
import { createLogger } from '../../../common/src/log';
import { createHubFormatError, isDatabaseOutage } from './format-error';

/** An error as a resolver threw it, the way Apollo hands it to `formatError`. */
function fromResolver(original: Error) {
  const error = new GraphQLError(original.message, { path: ['child'], originalError: original });
  return { formatted: { message: original.message, path: ['child'] }, error };
}

const pgError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});
const typeormError = (driverError: Error) => Object.assign(new Error(driverError.message), { name: 'QueryFailedError', driverError });

describe('isDatabaseOutage', () => {
  it.each([
    ['a refused connection', pgError('connect ECONNREFUSED', 'ECONNREFUSED'), true],
    ['a cut connection', pgError('Connection terminated unexpectedly'), true],
    ['an administrator shutdown, wrapped by the ORM', typeormError(pgError('terminating connection due to administrator command', '57P01')), true],
    ['a connection exception (class 08)', typeormError(pgError('connection failure', '08006')), true],
    ['a unique violation', typeormError(pgError('duplicate key value', '23505')), false],
    ['a syntax error', typeormError(pgError('syntax error', '42601')), false],
    ['a database still starting, passed on by the in-process subgraph', new GraphQLError('the database system is starting up', { originalError: pgError('the database system is starting up', '57P03') }), true],
    ['a plain bug', new TypeError('x is undefined'), false],
  ])('%s: %s', (_label, error, expected) => {
    expect(isDatabaseOutage(error)).toBe(expected);
  });
});

describe('createHubFormatError', () => {
  const format = createHubFormatError(createLogger('test', 'silent'));

  it('answers a database outage as SOURCE_UNAVAILABLE from the hub, without the driver’s words', () => {
    const { formatted, error } = fromResolver(typeormError(pgError('terminating connection due to administrator command', '57P01')));
    expect(format(formatted, error)).toEqual({ message: 'The hub’s database is unavailable', path: ['child'], extensions: { code: 'SOURCE_UNAVAILABLE', source: 'HUB' } });
  });

  it('keeps any other failure an opaque internal error', () => {
    const { formatted, error } = fromResolver(typeormError(pgError('duplicate key value violates unique constraint', '23505')));
    expect(format(formatted, error)).toEqual({ message: 'Internal server error', path: ['child'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
