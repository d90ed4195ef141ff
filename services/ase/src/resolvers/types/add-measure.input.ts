import { IsIn, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../../../common/src/scalars/date.scalar.js';
import { MeasureKind } from '../../protection/measure-kind.js';
import { COURT_PATTERN, ID_PATTERN } from './patterns.js';

@InputType()
export class AddMeasureInput {
  @Field(() => String)
  @Length(8, 128)
  @Matches(ID_PATTERN)
  idempotencyKey: string;

  /** The measure joins the child's open dossier. */
  @Field(() => ID)
  @Length(1, 64)
  @Matches(ID_PATTERN)
  childId: string;

  @Field(() => MeasureKind)
  @IsIn(Object.values(MeasureKind))
  kind: MeasureKind;

  @Field(() => DateScalar)
  startDate: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  endDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Institution code of the ordering court; required for judicial kinds, refused otherwise' })
  @IsOptional()
  @MaxLength(64)
  @Matches(COURT_PATTERN)
  orderedBy?: string | null;
}
