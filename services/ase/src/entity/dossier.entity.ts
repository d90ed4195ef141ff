import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { DataCategory } from '../../../../common/src/domain.js';
import { Category } from '../../../../common/src/federation/category.js';
import { DateScalar } from '../../../../common/src/scalars/date.scalar.js';

/**
 * A child's ASE dossier, followed by one référent. At most one is open per child (partial
 * unique index): a child moving to another département gets a dossier there once the first is
 * closed (closeDossier); `referent` and `measures` are resolved in dossier.resolver.ts.
 */
@ObjectType('Dossier')
@Entity({ name: 'dossier' })
export class Dossier {
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

  /** The ASE holding the dossier, e.g. `ASE-75`. */
  @Column({ type: 'text' })
  institution: string;

  @Column({ name: 'referent_id', type: 'text' })
  referentId: string;

  @Field(() => DateScalar)
  @Category(DataCategory.PROTECTION_DETAILS)
  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  @Field(() => DateScalar, { nullable: true })
  @Category(DataCategory.PROTECTION_DETAILS)
  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  /** Agent who closed it (closeDossier); null while open, or closed before this was kept. */
  @Column({ name: 'closed_by', type: 'text', nullable: true })
  closedBy: string | null;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey: string;

  /** Agent who recorded it (attribution of the write). */
  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
