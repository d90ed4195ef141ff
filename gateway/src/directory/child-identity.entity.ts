import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { DataCategory } from '../../../common/src/domain.js';
import { Category } from '../../../common/src/federation/category.js';
import { DateScalar } from '../../../common/src/scalars/date.scalar.js';

/**
 * The child directory: the one place identity lives. It sits in the hub, not in an
 * institution, so that no institution learns of children it does not itself follow (the
 * ASE must not hold a list of every child the PMI sees).
 */
@ObjectType('Child')
@Directive('@key(fields: "id")')
@Entity({ name: 'child' })
export class ChildIdentity {
  /** The opaque federation key: not labelled, so a redaction never leaves a list item without it. */
  @Field(() => ID)
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Field(() => String, { nullable: true })
  @Category(DataCategory.IDENTITY)
  @Column({ name: 'first_name', type: 'text' })
  firstName: string;

  @Field(() => String, { nullable: true })
  @Category(DataCategory.IDENTITY)
  @Column({ name: 'last_name', type: 'text' })
  lastName: string;

  @Field(() => DateScalar, { nullable: true })
  @Category(DataCategory.IDENTITY)
  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
