import { Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../../../common/src/scalars/date.scalar.js';
import { ID_PATTERN } from './patterns.js';

@InputType()
export class StartFollowUpInput {
  /** Same key, same follow-up: a retried request never starts it twice. */
  @Field(() => String)
  @Length(8, 128)
  @Matches(ID_PATTERN)
  idempotencyKey: string;

  @Field(() => ID)
  @Length(1, 64)
  @Matches(ID_PATTERN)
  childId: string;

  /** A PMI_NURSE known to this service; the follow-up belongs to her institution. */
  @Field(() => ID)
  @Length(1, 64)
  @Matches(ID_PATTERN)
  nurseId: string;

  @Field(() => DateScalar)
  since: string;
}
