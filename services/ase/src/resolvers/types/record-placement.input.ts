import { IsIn, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../../../common/src/scalars/date.scalar.js';
import { PlacementKind } from '../../entity/placement.entity.js';
import { ID_PATTERN } from './patterns.js';

@InputType()
export class RecordPlacementInput {
  @Field(() => String)
  @Length(8, 128)
  @Matches(ID_PATTERN)
  idempotencyKey: string;

  @Field(() => ID)
  @Length(1, 64)
  @Matches(ID_PATTERN)
  childId: string;

  /** A placement measure (placement judiciaire, accueil provisoire, TDC, OPP) of this child. */
  @Field(() => ID)
  @Length(1, 64)
  @Matches(ID_PATTERN)
  measureId: string;

  @Field(() => PlacementKind)
  @IsIn(Object.values(PlacementKind))
  kind: PlacementKind;

  @Field(() => DateScalar)
  since: string;

  @Field(() => String)
  @Length(1, 200)
  caregiverName: string;

  @Field(() => String)
  @Length(1, 500)
  address: string;
}
