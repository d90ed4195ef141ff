import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateScalar } from '../../../common/src/scalars/date.scalar.js';
import { DateTimeScalar } from '../../../common/src/scalars/date-time.scalar.js';
import { DataCategory, Role } from '../hub-subgraph/enums.js';

/**
 * A consent of the holders of parental authority: the listed categories of one child may be
 * shared with one role, for a period, until revoked.
 */
@ObjectType('Consent')
@Entity({ name: 'consent' })
export class Consent {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field(() => ID)
  @Column({ name: 'child_id', type: 'text' })
  childId: string;

  @Field(() => [DataCategory])
  @Column({ type: 'text', array: true })
  categories: DataCategory[];

  @Field(() => Role)
  @Column({ name: 'recipient_role', type: 'text' })
  recipientRole: Role;

  /** Who gave it, e.g. "mère, titulaire de l'autorité parentale". */
  @Field(() => String)
  @Column({ name: 'granted_by', type: 'text' })
  grantedBy: string;

  @Field(() => DateScalar)
  @Column({ name: 'valid_from', type: 'date' })
  validFrom: string;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'valid_until', type: 'date', nullable: true })
  validUntil: string | null;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Field(() => DateTimeScalar)
  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by', type: 'text', nullable: true })
  revokedBy: string | null;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;
}
