import { IsIn, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../../../common/src/scalars/date.scalar.js';
import { CripOrigin } from '../../entity/crip-evaluation.entity.js';
import { ID_PATTERN } from './patterns.js';

@InputType()
export class RecordInformationPreoccupanteInput {
  @Field(() => String)
  @Length(8, 128)
  @Matches(ID_PATTERN)
  idempotencyKey: string;

  @Field(() => ID)
  @Length(1, 64)
  @Matches(ID_PATTERN)
  childId: string;

  @Field(() => DateScalar)
  receivedOn: string;

  @Field(() => CripOrigin)
  @IsIn(Object.values(CripOrigin))
  origin: CripOrigin;

  /** The CRIP_EVALUATOR in charge; the evaluation belongs to that agent's institution. */
  @Field(() => ID)
  @Length(1, 64)
  @Matches(ID_PATTERN)
  evaluatorId: string;
}
