import { IsIn, IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../../../common/src/scalars/date.scalar.js';
import { VaccinationState } from '../../entity/vaccination.entity.js';
import { ID_PATTERN, NOT_BLANK } from './patterns.js';

/** An upsert of the child's one status row: repeating it changes nothing. */
@InputType()
export class UpdateVaccinationStatusInput {
  @Field(() => ID)
  @Length(1, 64)
  @Matches(ID_PATTERN)
  childId: string;

  @Field(() => VaccinationState)
  @IsIn(Object.values(VaccinationState))
  status: VaccinationState;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 2000)
  @Matches(NOT_BLANK)
  details?: string;

  /** The day the status was assessed. */
  @Field(() => DateScalar)
  updatedOn: string;
}
