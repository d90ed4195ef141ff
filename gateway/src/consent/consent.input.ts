import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsOptional, Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../common/src/scalars/date.scalar.js';
import { DataCategory, Role } from '../hub-subgraph/enums.js';

@InputType('ConsentInput')
export class ConsentInput {
  @Field(() => ID)
  @Length(1, 64)
  @Matches(/^[A-Za-z0-9._:-]+$/)
  childId: string;

  @Field(() => [DataCategory])
  @ArrayMinSize(1)
  @ArrayMaxSize(11)
  @ArrayUnique()
  categories: DataCategory[];

  @Field(() => Role)
  @IsIn(Object.values(Role))
  recipientRole: Role;

  @Field(() => String)
  @Length(1, 200)
  grantedBy: string;

  @Field(() => DateScalar)
  validFrom: string;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  validUntil?: string;

  /** A retried request with the same key records one consent. */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(8, 128)
  @Matches(/^[A-Za-z0-9._:-]+$/)
  idempotencyKey?: string;
}
