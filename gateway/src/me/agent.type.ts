import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../hub-subgraph/enums.js';

/** The authenticated agent, as the token says. */
@ObjectType('Agent')
export class AgentType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => Role)
  role: Role;

  @Field(() => String)
  institution: string;
}
