import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DataCategory } from '../../../../common/src/domain.js';
import { AgentContact } from '../../../../common/src/federation/agent-contact.type.js';
import { Category } from '../../../../common/src/federation/category.js';
import { DateScalar } from '../../../../common/src/scalars/date.scalar.js';
import { ProtectionLevel } from '../protection/protection-level.js';

// No description: the enum is part of the public contract and must print exactly as in DESIGN.md.
registerEnumType(ProtectionLevel, { name: 'ProtectionLevel' });

/** The one-line answer to "is this child under protection, since when, who to call". */
@ObjectType('ProtectionStatus')
export class ProtectionStatus {
  @Field(() => ProtectionLevel)
  @Category(DataCategory.PROTECTION_STATUS)
  level: ProtectionLevel;

  @Field(() => DateScalar, { nullable: true })
  @Category(DataCategory.PROTECTION_STATUS)
  since: string | null;

  /** The référent of the open dossier; null when no dossier is open. */
  @Field(() => AgentContact, { nullable: true })
  @Category(DataCategory.PROTECTION_STATUS)
  referent: AgentContact | null;
}
