import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { DataCategory } from '../../../../common/src/domain.js';
import { Category } from '../../../../common/src/federation/category.js';
import { DateScalar } from '../../../../common/src/scalars/date.scalar.js';

export enum CripOrigin {
  EDUCATION = 'EDUCATION',
  HEALTH = 'HEALTH',
  RPE = 'RPE',
  PHONE_119 = 'PHONE_119',
  FAMILY = 'FAMILY',
  OTHER = 'OTHER',
}
registerEnumType(CripOrigin, { name: 'CripOrigin', description: 'Who sent the information préoccupante, as a kind of source' });

export enum CripEvaluationStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(CripEvaluationStatus, { name: 'CripEvaluationStatus' });

export enum CripEvaluationOutcome {
  NO_DANGER = 'NO_DANGER',
  ADMINISTRATIVE_MEASURE = 'ADMINISTRATIVE_MEASURE',
  JUDICIAL_REFERRAL = 'JUDICIAL_REFERRAL',
}
registerEnumType(CripEvaluationOutcome, { name: 'CripEvaluationOutcome', description: 'Classement, mesure administrative or saisine du juge' });

/** An information préoccupante received by the CRIP and its evaluation (CASF L226-3). */
@ObjectType('CripEvaluation')
@Entity({ name: 'crip_evaluation' })
export class CripEvaluation {
  @Field(() => ID)
  @Category(DataCategory.PROTECTION_DETAILS)
  @PrimaryColumn({ type: 'text' })
  id: string;

  /** The child this record is about: the hub decides its release for that child. */
  @Field(() => ID, { description: 'The child this record is about' })
  @Category(DataCategory.PROTECTION_DETAILS)
  @Index()
  @Column({ name: 'child_id', type: 'text' })
  childId: string;

  /** The ASE whose CRIP received it, e.g. `ASE-75`. */
  @Column({ type: 'text' })
  institution: string;

  @Field(() => DateScalar)
  @Category(DataCategory.PROTECTION_DETAILS)
  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  /** The kind of source, REPORTER_IDENTITY: resolved by `CripEvaluationResolver.origin`. */
  @Column({ type: 'text' })
  origin: CripOrigin;

  @Column({ name: 'evaluator_id', type: 'text' })
  evaluatorId: string;

  @Field(() => CripEvaluationStatus)
  @Category(DataCategory.PROTECTION_DETAILS)
  @Column({ type: 'text' })
  status: CripEvaluationStatus;

  @Field(() => CripEvaluationOutcome, { nullable: true })
  @Category(DataCategory.PROTECTION_DETAILS)
  @Column({ type: 'text', nullable: true })
  outcome: CripEvaluationOutcome | null;

  @Field(() => DateScalar, { nullable: true })
  @Category(DataCategory.PROTECTION_DETAILS)
  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey: string;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'closed_by', type: 'text', nullable: true })
  closedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
