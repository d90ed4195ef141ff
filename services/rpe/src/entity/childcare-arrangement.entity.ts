import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { DataCategory } from '../../../../common/src/domain.js';
import { Category } from '../../../../common/src/federation/category.js';
import { DateScalar } from '../../../../common/src/scalars/date.scalar.js';

/** A child cared for by a childminder; `childminder` is resolved in childcare-arrangement.resolver.ts. */
@ObjectType('ChildcareArrangement')
@Entity({ name: 'childcare_arrangement' })
export class ChildcareArrangement {
  @Field(() => ID)
  @Category(DataCategory.CHILDCARE)
  @PrimaryColumn({ type: 'text' })
  id: string;

  /** The child this record is about: the hub decides its release for that child. */
  @Field(() => ID, { description: 'The child this record is about' })
  @Category(DataCategory.CHILDCARE)
  @Column({ name: 'child_id', type: 'text' })
  childId: string;

  @Column({ name: 'childminder_id', type: 'text' })
  childminderId: string;

  @Field(() => DateScalar)
  @Category(DataCategory.CHILDCARE)
  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  /** Null while the arrangement goes on. */
  @Field(() => DateScalar, { nullable: true })
  @Category(DataCategory.CHILDCARE)
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  /** The agent who recorded the end (endChildcareArrangement); null while it goes on, or when registered ended. */
  @Column({ name: 'ended_by', type: 'text', nullable: true })
  endedBy: string | null;

  /** e.g. "lun.–ven. 8h30–17h30". */
  @Field(() => String)
  @Category(DataCategory.CHILDCARE)
  @Column({ type: 'text' })
  schedule: string;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
