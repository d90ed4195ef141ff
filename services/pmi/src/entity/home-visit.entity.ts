import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { DataCategory } from '../../../../common/src/domain.js';
import { Category } from '../../../../common/src/federation/category.js';
import { DateScalar } from '../../../../common/src/scalars/date.scalar.js';

/** A puéricultrice's home visit within a follow-up. `nurse` is resolved in home-visit.resolver.ts. */
@ObjectType('HomeVisit')
@Entity({ name: 'home_visit' })
export class HomeVisit {
  @Field(() => ID)
  @Category(DataCategory.HEALTH_DETAILS)
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Index()
  @Column({ name: 'follow_up_id', type: 'text' })
  followUpId: string;

  /** The child this record is about: the hub decides its release for that child. */
  @Field(() => ID, { description: 'The child this record is about' })
  @Category(DataCategory.HEALTH_DETAILS)
  @Index()
  @Column({ name: 'child_id', type: 'text' })
  childId: string;

  @Field(() => DateScalar)
  @Category(DataCategory.HEALTH_DETAILS)
  @Column({ name: 'visited_on', type: 'date' })
  visitedOn: string;

  /** The visiting nurse: the agent who recorded the visit. */
  @Column({ name: 'nurse_id', type: 'text' })
  nurseId: string;

  @Field(() => String)
  @Category(DataCategory.HEALTH_DETAILS)
  @Column({ type: 'text' })
  notes: string;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
