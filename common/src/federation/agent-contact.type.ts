import { Directive, Field, ObjectType } from 'type-graphql';
import { InheritsCategory } from './category.js';

/**
 * How to reach a professional (a référent, a nurse, a reporter). A value type shared by
 * several subgraphs, hence `@shareable`; its fields take the category of the field that
 * holds the contact.
 */
@ObjectType('AgentContact')
@Directive('@shareable')
export class AgentContact {
  @Field(() => String)
  @InheritsCategory()
  name: string;

  @Field(() => String)
  @InheritsCategory()
  institution: string;

  @Field(() => String, { nullable: true })
  @InheritsCategory()
  phone: string | null;

  @Field(() => String, { nullable: true })
  @InheritsCategory()
  email: string | null;
}
