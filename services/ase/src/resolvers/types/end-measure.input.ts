import { Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../../../common/src/scalars/date.scalar.js';
import { ID_PATTERN } from './patterns.js';

/** Setting an end date is idempotent by nature: no key needed. */
@InputType()
export class EndMeasureInput {
  @Field(() => ID)
  @Length(1, 64)
  @Matches(ID_PATTERN)
  measureId: string;

  @Field(() => DateScalar)
  endDate: string;
}
