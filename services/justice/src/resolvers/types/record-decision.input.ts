import { IsIn, IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../../../common/src/scalars/date.scalar.js';
import { DecisionKind, OrderedMeasure } from '../../entity/court-decision.entity.js';

const ID_PATTERN = /^[A-Za-z0-9._:-]+$/;

@InputType()
export class RecordDecisionInput {
  /** Same key, same decision: a retried request never records it twice. */
  @Field(() => String)
  @Length(8, 128)
  @Matches(ID_PATTERN)
  idempotencyKey: string;

  @Field(() => ID)
  @Length(1, 64)
  @Matches(ID_PATTERN)
  childId: string;

  /** Opens the case when the court has none for this child. */
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  @Matches(ID_PATTERN)
  caseId?: string;

  @Field(() => DecisionKind)
  @IsIn(Object.values(DecisionKind))
  kind: DecisionKind;

  @Field(() => OrderedMeasure)
  @IsIn(Object.values(OrderedMeasure))
  measureOrdered: OrderedMeasure;

  @Field(() => DateScalar)
  decidedAt: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  effectiveUntil?: string;

  @Field(() => String)
  @Length(1, 20_000)
  content: string;

  @Field(() => String, { nullable: true, description: 'Institution code of the court; defaults to the case’s court' })
  @IsOptional()
  @MaxLength(64)
  @Matches(/^TJ-[A-Z0-9-]+$/)
  court?: string;

  @Field(() => ID, { nullable: true, description: 'Agent id of the judge, required when opening a case' })
  @IsOptional()
  @Length(1, 64)
  judgeId?: string;
}
