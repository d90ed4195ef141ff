import { Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { DateScalar } from '../../../common/src/scalars/date.scalar.js';

@InputType()
export class RegisterChildInput {
  @Field(() => String)
  @Length(8, 128)
  @Matches(/^[A-Za-z0-9._:-]+$/)
  idempotencyKey: string;

  @Field(() => String)
  @Length(1, 100)
  firstName: string;

  @Field(() => String)
  @Length(1, 100)
  lastName: string;

  @Field(() => DateScalar)
  birthDate: string;
}
