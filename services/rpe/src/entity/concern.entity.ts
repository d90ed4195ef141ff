import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { DataCategory } from '../../../../common/src/domain.js';
import { Category } from '../../../../common/src/federation/category.js';
import { DateScalar } from '../../../../common/src/scalars/date.scalar.js';
import { DateTimeScalar } from '../../../../common/src/scalars/date-time.scalar.js';
import { ConcernCategory, ConcernStatus, Severity } from './concern.enums.js';

/**
 * A concern a relais raises to its département's CRIP. Everything is CONCERN but who raised
 * it (`raisedBy`, REPORTER_IDENTITY); `children`, `childminder` and `raisedBy` are resolved
 * in concern.resolver.ts.
 */
@ObjectType('Concern')
@Entity({ name: 'concern' })
export class Concern {
  @Field(() => ID)
  @Category(DataCategory.CONCERN)
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey: string;

  @Column({ name: 'childminder_id', type: 'text', nullable: true })
  childminderId: string | null;

  @Field(() => ConcernStatus)
  @Category(DataCategory.CONCERN)
  @Column({ type: 'text' })
  status: ConcernStatus;

  @Field(() => ConcernCategory)
  @Category(DataCategory.CONCERN)
  @Column({ type: 'text' })
  category: ConcernCategory;

  @Field(() => Severity)
  @Category(DataCategory.CONCERN)
  @Column({ type: 'text' })
  severity: Severity;

  @Field(() => DateScalar)
  @Category(DataCategory.CONCERN)
  @Column({ name: 'observed_at', type: 'date' })
  observedAt: string;

  @Field(() => DateTimeScalar)
  @Category(DataCategory.CONCERN)
  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt: Date;

  @Column({ name: 'raised_by_id', type: 'text' })
  raisedById: string;

  /** Code of the reporting relais. */
  @Column({ name: 'raised_by_institution', type: 'text' })
  raisedByInstitution: string;

  /** `departementOf(raisedByInstitution)`, stored to route the concern to its CRIP. */
  @Column({ type: 'text' })
  departement: string;

  /** The reporter's account. Nullable in the contract so that a redaction keeps the concern. */
  @Field(() => String, { nullable: true })
  @Category(DataCategory.CONCERN)
  @Column({ type: 'text' })
  description: string;

  @Field(() => DateTimeScalar, { nullable: true })
  @Category(DataCategory.CONCERN)
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'acknowledged_by_id', type: 'text', nullable: true })
  acknowledgedById: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Category(DataCategory.CONCERN)
  @Column({ name: 'evaluation_started_at', type: 'timestamptz', nullable: true })
  evaluationStartedAt: Date | null;

  @Column({ name: 'evaluation_started_by_id', type: 'text', nullable: true })
  evaluationStartedById: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  @Category(DataCategory.CONCERN)
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'closed_by_id', type: 'text', nullable: true })
  closedById: string | null;

  /** What the CRIP tells the reporter when it closes the concern. */
  @Field(() => String, { nullable: true })
  @Category(DataCategory.CONCERN)
  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  /** raisedAt's day (Paris) + 3 months: the CRIP's deadline to answer (CASF L226-5). */
  @Field(() => DateScalar)
  @Category(DataCategory.CONCERN)
  @Column({ name: 'feedback_due_by', type: 'date' })
  feedbackDueBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
