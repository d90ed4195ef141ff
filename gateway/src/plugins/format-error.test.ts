import { buildSchema, GraphQLError, parse, type OperationDefinitionNode, validate } from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
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
    ['no answer within the client’s query timeout, wrapped by the ORM', typeormError(pgError('Query read timeout')), true],
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

describe('messages that would quote the client back', () => {
  const format = createHubFormatError(createLogger('test', 'silent'));
  const schema = buildSchema(`
    enum Role { NURSE JUDGE }
    input ConsentInput { childId: ID! recipientRole: Role! }
    type Query { consent(input: ConsentInput!): ID  inbox(role: Role): ID }
  `);
  const PERSONAL = 'Camille Martin 12 rue des Lilas';
  const NAME = 'Camille_Martin_rue_des_Lilas';
  /** The messages graphql-js itself writes for each mistake, as the hub receives them. */
  const coercion = (variables: Record<string, unknown>) => {
    const operation = parse('query Q($input: ConsentInput!) { consent(input: $input) }').definitions[0] as OperationDefinitionNode;
    return getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors?.[0]?.message ?? '';
  };
  const validation = (query: string) => validate(schema, parse(query))[0]?.message ?? '';
  const syntax = (query: string) => {
    try {
      parse(query);
      return '';
    } catch (error) {
      return (error as Error).message;
    }
  };

  it.each([
    ['an enum value in a variable', () => coercion({ input: { childId: 'child-x', recipientRole: PERSONAL } }), 'BAD_USER_INPUT', PERSONAL],
    ['a key of a variable object', () => coercion({ input: { childId: 'child-x', recipientRole: 'NURSE', [PERSONAL]: 1 } }), 'BAD_USER_INPUT', PERSONAL],
    ['an enum value written in the query', () => validation(`{ inbox(role: ${NAME}) }`), 'GRAPHQL_VALIDATION_FAILED', NAME],
    ['a field name written in the query', () => validation(`{ ${NAME} }`), 'GRAPHQL_VALIDATION_FAILED', NAME],
    ['a stray word after the query', () => syntax(`{ inbox } ${NAME}`), 'GRAPHQL_PARSE_FAILED', NAME],
  ])('keeps %s out of the message', (_label, message, code, sent) => {
    const original = message();
    // The case is real: graphql-js does quote the text back.
    expect(original).toContain(sent);
    const formatted = format({ message: original, extensions: { code } }, new GraphQLError(original));
    expect(formatted.extensions?.code).toBe(code);
    expect(formatted.message).not.toContain(sent);
    expect(formatted.message).not.toMatch(/Camille|Lilas/);
  });
});
