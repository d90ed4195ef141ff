import { IsIn, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../../../common/src/scalars/date.scalar.js';
import { CripEvaluationOutcome } from '../../entity/crip-evaluation.entity.js';
import { ID_PATTERN } from './patterns.js';

@InputType()
export class CloseEvaluationInput {
  @Field(() => ID)
  @Length(1, 64)
  @Matches(ID_PATTERN)
  evaluationId: string;

  @Field(() => CripEvaluationOutcome)
  @IsIn(Object.values(CripEvaluationOutcome))
  outcome: CripEvaluationOutcome;

  @Field(() => DateScalar)
  closedOn: string;
}
