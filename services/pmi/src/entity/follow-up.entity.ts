import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { DataCategory } from '../../../../common/src/domain.js';
import { Category } from '../../../../common/src/federation/category.js';
import { DateScalar } from '../../../../common/src/scalars/date.scalar.js';

export enum FollowUpStatus {
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}
registerEnumType(FollowUpStatus, { name: 'FollowUpStatus' });

/**
 * A PMI health follow-up of one child by one nurse. At most one is ACTIVE per child (partial
 * unique index). `nurse`, `lastVisitOn` and `visitCount` are resolved in follow-up.resolver.ts.
 */
@ObjectType('PmiFollowUp')
@Entity({ name: 'follow_up' })
export class FollowUp {
  @Field(() => ID)
  @Category(DataCategory.HEALTH_FOLLOW_UP)
  @PrimaryColumn({ type: 'text' })
  id: string;

  /** The child this record is about: the hub decides its release for that child. */
  @Field(() => ID, { description: 'The child this record is about' })
  @Category(DataCategory.HEALTH_FOLLOW_UP)
  @Index()
  @Column({ name: 'child_id', type: 'text' })
  childId: string;

  @Field(() => String)
  @Category(DataCategory.HEALTH_FOLLOW_UP)
  @Column({ type: 'text' })
  institution: string;

  @Column({ name: 'nurse_id', type: 'text' })
  nurseId: string;

  @Field(() => DateScalar)
  @Category(DataCategory.HEALTH_FOLLOW_UP)
  @Column({ type: 'date' })
  since: string;

  @Field(() => FollowUpStatus)
  @Category(DataCategory.HEALTH_FOLLOW_UP)
  @Column({ type: 'text' })
  status: FollowUpStatus;

  @Field(() => DateScalar, { nullable: true })
  @Category(DataCategory.HEALTH_FOLLOW_UP)
  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  /** Agent who started the follow-up (attribution). */
  @Column({ name: 'started_by', type: 'text' })
  startedBy: string;

  @Column({ name: 'closed_by', type: 'text', nullable: true })
  closedBy: string | null;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
