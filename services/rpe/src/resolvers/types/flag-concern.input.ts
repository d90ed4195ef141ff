import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../../../common/src/scalars/date.scalar.js';
import { ConcernCategory, Severity } from '../../entity/concern.enums.js';
import { ID_PATTERN } from './patterns.js';

/** Observed day and description are checked in the resolver (domain/input-rules.ts). */
@InputType('FlagConcernInput')
export class FlagConcernInput {
  /** Same key, same concern: a retried request never raises it twice. */
  @Field(() => String)
  @Length(8, 128)
  @Matches(ID_PATTERN)
  idempotencyKey: string;

  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  @Matches(ID_PATTERN, { each: true })
  childIds: string[];

  /** Must be a childminder of the reporter's relais. */
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Length(1, 64)
  @Matches(ID_PATTERN)
  childminderId?: string | null;

  @Field(() => ConcernCategory)
  @IsIn(Object.values(ConcernCategory))
  category: ConcernCategory;

  @Field(() => Severity)
  @IsIn(Object.values(Severity))
  severity: Severity;

  @Field(() => DateScalar)
  observedAt: string;

  @Field(() => String)
  @IsString()
  description: string;
}
