import { Field, Int, ObjectType } from 'type-graphql';
import { DataCategory } from '../hub-subgraph/enums.js';

/** A category a response withheld, why (a redaction code) and how many times. */
@ObjectType('AuditWithheld')
export class AuditWithheld {
  @Field(() => DataCategory)
  category: DataCategory;

  @Field(() => String)
  reason: string;

  @Field(() => Int)
  count: number;
}
