import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The federated child as this subgraph sees it: only the key. Identity lives in the hub's
 * directory; this subgraph contributes `protectionStatus`, `dossier`, `placement` and
 * `cripEvaluations` (child.resolver.ts).
 */
@ObjectType('Child')
@Directive('@key(fields: "id")')
export class Child {
  @Field(() => ID)
  id: string;
}
