import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { DataCategory } from '../../../../common/src/domain.js';
import { Category } from '../../../../common/src/federation/category.js';
import { DateScalar } from '../../../../common/src/scalars/date.scalar.js';
import { LegalBasis, MeasureKind } from '../protection/measure-kind.js';

registerEnumType(MeasureKind, { name: 'MeasureKind', description: 'AED, accueil provisoire, AEMO, placement judiciaire, tiers digne de confiance, OPP' });
registerEnumType(LegalBasis, { name: 'LegalBasis', description: 'Administrative (agreed with the family) or judicial (ordered by a court)' });

/** A protection measure within a dossier. */
@ObjectType('Measure')
@Entity({ name: 'measure' })
export class Measure {
  @Field(() => ID)
  @Category(DataCategory.PROTECTION_DETAILS)
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Index()
  @Column({ name: 'dossier_id', type: 'text' })
  dossierId: string;

  /** The child this record is about: the hub decides its release for that child. */
  @Field(() => ID, { description: 'The child this record is about' })
  @Category(DataCategory.PROTECTION_DETAILS)
  @Index()
  @Column({ name: 'child_id', type: 'text' })
  childId: string;

  @Field(() => MeasureKind)
  @Category(DataCategory.PROTECTION_DETAILS)
  @Column({ type: 'text' })
  kind: MeasureKind;

  /** Stored for SQL, always `legalBasisOf(kind)` (a CHECK constraint enforces it). */
  @Field(() => LegalBasis)
  @Category(DataCategory.PROTECTION_DETAILS)
  @Column({ name: 'legal_basis', type: 'text' })
  legalBasis: LegalBasis;

  @Field(() => DateScalar)
  @Category(DataCategory.PROTECTION_DETAILS)
  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Field(() => DateScalar, { nullable: true })
  @Category(DataCategory.PROTECTION_DETAILS)
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  /** Institution code of the ordering court (`TJ-PARIS`); null exactly for administrative measures. */
  @Field(() => String, { nullable: true })
  @Category(DataCategory.PROTECTION_DETAILS)
  @Column({ name: 'ordered_by', type: 'text', nullable: true })
  orderedBy: string | null;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey: string;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  /** Agent who recorded the end of the measure. */
  @Column({ name: 'ended_by', type: 'text', nullable: true })
  endedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
