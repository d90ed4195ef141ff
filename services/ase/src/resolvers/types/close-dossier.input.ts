import { Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../../../common/src/scalars/date.scalar.js';
import { ID_PATTERN } from './patterns.js';

/** Closing is a status change: the same close sent again is answered unchanged, no key needed. */
@InputType()
export class CloseDossierInput {
  @Field(() => ID)
  @Length(1, 64)
  @Matches(ID_PATTERN)
  dossierId: string;

  @Field(() => DateScalar)
  closedOn: string;
}
