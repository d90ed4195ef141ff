import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../../../common/src/scalars/date.scalar.js';
import { ID_PATTERN } from './patterns.js';

@InputType('RegisterChildcareArrangementInput')
export class RegisterChildcareArrangementInput {
  @Field(() => String)
  @Length(8, 128)
  @Matches(ID_PATTERN)
  idempotencyKey: string;

  @Field(() => ID)
  @Length(1, 64)
  @Matches(ID_PATTERN)
  childId: string;

  /** Must be a childminder of the coordinator's relais. */
  @Field(() => ID)
  @Length(1, 64)
  @Matches(ID_PATTERN)
  childminderId: string;

  @Field(() => DateScalar)
  startDate: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  endDate?: string | null;

  @Field(() => String, { description: 'e.g. "lun.–ven. 8h30–17h30"' })
  @IsString()
  schedule: string;
}
