import { Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../../../common/src/scalars/date.scalar.js';
import { ID_PATTERN } from './patterns.js';

/** Ending is naturally idempotent (same day twice is a no-op), so it needs no key. */
@InputType('EndChildcareArrangementInput')
export class EndChildcareArrangementInput {
  @Field(() => ID)
  @Length(1, 64)
  @Matches(ID_PATTERN)
  arrangementId: string;

  @Field(() => DateScalar)
  endDate: string;
}
