import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { DataCategory } from '../../../../common/src/domain.js';
import { Category } from '../../../../common/src/federation/category.js';
import { DateScalar } from '../../../../common/src/scalars/date.scalar.js';

/** The mandatory examinations: 8-day, 9-month and 24-month certificates, 3–4-year check. */
export enum HealthCheckKind {
  DAY_8 = 'DAY_8',
  MONTH_9 = 'MONTH_9',
  MONTH_24 = 'MONTH_24',
  YEAR_3_4 = 'YEAR_3_4',
}
registerEnumType(HealthCheckKind, { name: 'HealthCheckKind', description: 'Certificates of the 8th day, 9th and 24th month; check at 3–4 years' });

/** One health certificate or check. It may come from a private doctor, hence free-text `examinerName`. */
@ObjectType('HealthCheck')
@Entity({ name: 'health_check' })
export class HealthCheck {
  @Field(() => ID)
  @Category(DataCategory.HEALTH_DETAILS)
  @PrimaryColumn({ type: 'text' })
  id: string;

  /** The child this record is about: the hub decides its release for that child. */
  @Field(() => ID, { description: 'The child this record is about' })
  @Category(DataCategory.HEALTH_DETAILS)
  @Index()
  @Column({ name: 'child_id', type: 'text' })
  childId: string;

  @Field(() => HealthCheckKind)
  @Category(DataCategory.HEALTH_DETAILS)
  @Column({ type: 'text' })
  kind: HealthCheckKind;

  @Field(() => DateScalar)
  @Category(DataCategory.HEALTH_DETAILS)
  @Column({ name: 'checked_on', type: 'date' })
  checkedOn: string;

  @Field(() => String)
  @Category(DataCategory.HEALTH_DETAILS)
  @Column({ type: 'text' })
  findings: string;

  @Field(() => String, { nullable: true })
  @Category(DataCategory.HEALTH_DETAILS)
  @Column({ name: 'examiner_name', type: 'text', nullable: true })
  examinerName: string | null;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
