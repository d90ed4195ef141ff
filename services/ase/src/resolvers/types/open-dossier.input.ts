import { Length, Matches } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../../../../common/src/scalars/date.scalar.js';
import { ID_PATTERN } from './patterns.js';

@InputType()
export class OpenDossierInput {
  /** Same key, same dossier: a retried request never opens it twice. */
  @Field(() => String)
  @Length(8, 128)
  @Matches(ID_PATTERN)
  idempotencyKey: string;

  @Field(() => ID)
  @Length(1, 64)
  @Matches(ID_PATTERN)
  childId: string;

  /** An ASE_REFERENT or ASE_MANAGER agent known to this ASE. */
  @Field(() => ID)
  @Length(1, 64)
  @Matches(ID_PATTERN)
  referentId: string;

  @Field(() => DateScalar)
  openedOn: string;
}
