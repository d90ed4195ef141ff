import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../../../../common/src/scalars/date.scalar.js';
import { ID_PATTERN } from './patterns.js';

/** The relais is the coordinator's own (from the token), never chosen by the caller. */
@InputType('RegisterChildminderInput')
export class RegisterChildminderInput {
  @Field(() => String)
  @Length(8, 128)
  @Matches(ID_PATTERN)
  idempotencyKey: string;

  @Field(() => String)
  @IsString()
  name: string;

  @Field(() => String)
  @Length(3, 64)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9./-]*$/)
  agrementNumber: string;

  @Field(() => Int, { description: 'Children allowed at once by the agrément, 1 to 6' })
  @IsInt()
  @Min(1)
  @Max(6)
  capacity: number;

  @Field(() => DateScalar)
  agrementValidUntil: string;
}
