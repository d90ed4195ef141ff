import 'reflect-metadata';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, parse } from 'graphql';
import { type ValidationError, validateOrReject, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError, buildSchema, type BuildSchemaOptions, createResolversMap } from 'type-graphql';
import { DateScalar } from '../scalars/date.scalar.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

/** The federation version and the directives every subgraph of the hub may use. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", ' +
  'import: ["@key", "@shareable", "@inaccessible", "@tag", "@external"])';

const VALIDATOR_OPTIONS: ValidatorOptions = {
  skipMissingProperties: true,
  forbidUnknownValues: false,
  validationError: { target: false, value: false },
};

const isValidated = (value: unknown): value is object => value !== null && typeof value === 'object';

/**
 * type-graphql's own argument validation with the options above, except that class-validator
 * is imported once here: type-graphql `require`s it again for every validated argument (an
 * input object or any list, such as the hub's `childIds`), which under tsx re-resolves the
 * module each time and cost about 5 % of a subgraph's CPU under load.
 */
async function validateArgument(value: unknown): Promise<void> {
  if (!isValidated(value)) return;
  try {
    if (Array.isArray(value)) await Promise.all(value.filter(isValidated).map((item) => validateOrReject(item, VALIDATOR_OPTIONS)));
    else await validateOrReject(value, VALIDATOR_OPTIONS);
  } catch (error) {
    throw new ArgumentValidationError(error as ValidationError[]);
  }
}

/** Reference resolvers, keyed by entity type name. */
export type ReferenceResolvers<TContext> = Record<
  string,
  { __resolveReference: (reference: { id: string }, context: TContext) => unknown }
>;

export interface FederatedSchemaOptions<TContext> {
  /** type-graphql resolver classes of this subgraph. */
  resolvers: NonNullable<BuildSchemaOptions['resolvers']>;
  /** Object types reachable only through entities (not from a root field). */
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
  /** `__resolveReference` for each entity this subgraph can resolve. */
  references: ReferenceResolvers<TContext>;
}

/**
 * The one way a subgraph of the hub builds its schema: type-graphql classes printed with
 * their directives, linked to Federation 2 and handed to `buildSubgraphSchema` together with
 * the reference resolvers. Input validation (class-validator) is on for every subgraph.
 */
export async function buildFederatedSchema<TContext>(options: FederatedSchemaOptions<TContext>): Promise<GraphQLSchema> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validateFn: validateArgument,
    skipCheck: true,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(typeGraphqlSchema)}`);
  const resolvers = createResolversMap(typeGraphqlSchema) as GraphQLResolverMap<TContext>;
  for (const [typeName, reference] of Object.entries(options.references)) {
    const existing = (resolvers[typeName] ?? {}) as Record<string, unknown>;
    resolvers[typeName] = { ...existing, __resolveReference: reference.__resolveReference } as GraphQLResolverMap<TContext>[string];
  }
  // Scalars are resolved by type-graphql itself; keep their implementations.
  resolvers.Date = DateScalar;
  resolvers.DateTime = DateTimeScalar;
  return buildSubgraphSchema([{ typeDefs, resolvers }]);
}
