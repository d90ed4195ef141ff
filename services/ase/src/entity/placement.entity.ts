import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { DataCategory } from '../../../../common/src/domain.js';
import { Category } from '../../../../common/src/federation/category.js';
import { DateScalar } from '../../../../common/src/scalars/date.scalar.js';

export enum PlacementKind {
  FOSTER_FAMILY = 'FOSTER_FAMILY',
  CHILDRENS_HOME = 'CHILDRENS_HOME',
  TRUSTED_THIRD_PARTY = 'TRUSTED_THIRD_PARTY',
  OTHER = 'OTHER',
}
registerEnumType(PlacementKind, { name: 'PlacementKind', description: 'Famille d’accueil, foyer (MECS), tiers digne de confiance, autre' });

/** Where and with whom a child lives under a placement measure: all PLACEMENT_LOCATION. */
@ObjectType('Placement')
@Entity({ name: 'placement' })
export class Placement {
  @Field(() => ID)
  @Category(DataCategory.PLACEMENT_LOCATION)
  @PrimaryColumn({ type: 'text' })
  id: string;

  /** The child this record is about: the hub decides its release for that child. */
  @Field(() => ID, { description: 'The child this record is about' })
  @Category(DataCategory.PLACEMENT_LOCATION)
  @Index()
  @Column({ name: 'child_id', type: 'text' })
  childId: string;

  @Column({ name: 'measure_id', type: 'text' })
  measureId: string;

  @Field(() => PlacementKind)
  @Category(DataCategory.PLACEMENT_LOCATION)
  @Column({ type: 'text' })
  kind: PlacementKind;

  @Field(() => DateScalar)
  @Category(DataCategory.PLACEMENT_LOCATION)
  @Column({ type: 'date' })
  since: string;

  @Field(() => DateScalar, { nullable: true })
  @Category(DataCategory.PLACEMENT_LOCATION)
  @Column({ type: 'date', nullable: true })
  until: string | null;

  @Field(() => String)
  @Category(DataCategory.PLACEMENT_LOCATION)
  @Column({ name: 'caregiver_name', type: 'text' })
  caregiverName: string;

  @Field(() => String)
  @Category(DataCategory.PLACEMENT_LOCATION)
  @Column({ type: 'text' })
  address: string;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey: string;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
