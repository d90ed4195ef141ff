import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DataCategory } from '../../../../common/src/domain.js';
import { Category } from '../../../../common/src/federation/category.js';
import { DateScalar } from '../../../../common/src/scalars/date.scalar.js';

export enum VaccinationState {
  UP_TO_DATE = 'UP_TO_DATE',
  LATE = 'LATE',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(VaccinationState, { name: 'VaccinationState' });

/** The child's vaccination status as PMI last assessed it: one row per child. */
@ObjectType('VaccinationStatus')
@Entity({ name: 'vaccination' })
export class Vaccination {
  /** The child this record is about: the hub decides its release for that child. */
  @Field(() => ID, { description: 'The child this record is about' })
  @Category(DataCategory.HEALTH_DETAILS)
  @PrimaryColumn({ name: 'child_id', type: 'text' })
  childId: string;

  @Field(() => VaccinationState)
  @Category(DataCategory.HEALTH_DETAILS)
  @Column({ type: 'text' })
  status: VaccinationState;

  @Field(() => String, { nullable: true })
  @Category(DataCategory.HEALTH_DETAILS)
  @Column({ type: 'text', nullable: true })
  details: string | null;

  /** The day the status was assessed (not when it was typed in). */
  @Field(() => DateScalar)
  @Category(DataCategory.HEALTH_DETAILS)
  @Column({ name: 'updated_on', type: 'date' })
  updatedOn: string;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  /** When the status was last written; set by the upsert itself. */
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
