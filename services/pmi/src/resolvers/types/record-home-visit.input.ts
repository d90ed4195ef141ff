import { Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../../../common/src/scalars/date.scalar.js';
import { ID_PATTERN, NOT_BLANK } from './patterns.js';

/** The visiting nurse is the agent making the request; the follow-up is the child's active one. */
@InputType()
export class RecordHomeVisitInput {
  @Field(() => String)
  @Length(8, 128)
  @Matches(ID_PATTERN)
  idempotencyKey: string;

  @Field(() => ID)
  @Length(1, 64)
  @Matches(ID_PATTERN)
  childId: string;

  @Field(() => DateScalar)
  visitedOn: string;

  @Field(() => String)
  @Length(1, 5000)
  @Matches(NOT_BLANK)
  notes: string;
}
