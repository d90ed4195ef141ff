import { Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../../../common/src/scalars/date.scalar.js';
import { ID_PATTERN } from './patterns.js';

/** No idempotency key: closing is a state transition, a second close is a CONFLICT. */
@InputType()
export class CloseFollowUpInput {
  @Field(() => ID)
  @Length(1, 200)
  @Matches(ID_PATTERN)
  followUpId: string;

  @Field(() => DateScalar)
  closedOn: string;
}
