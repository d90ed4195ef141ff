import { IsIn, IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../../../common/src/scalars/date.scalar.js';
import { HealthCheckKind } from '../../entity/health-check.entity.js';
import { ID_PATTERN, NOT_BLANK } from './patterns.js';

@InputType()
export class RecordHealthCheckInput {
  @Field(() => String)
  @Length(8, 128)
  @Matches(ID_PATTERN)
  idempotencyKey: string;

  @Field(() => ID)
  @Length(1, 64)
  @Matches(ID_PATTERN)
  childId: string;

  @Field(() => HealthCheckKind)
  @IsIn(Object.values(HealthCheckKind))
  kind: HealthCheckKind;

  @Field(() => DateScalar)
  checkedOn: string;

  @Field(() => String)
  @Length(1, 5000)
  @Matches(NOT_BLANK)
  findings: string;

  /** Free text: the certificate may come from a private doctor unknown to PMI. */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  @Matches(NOT_BLANK)
  examinerName?: string;
}
