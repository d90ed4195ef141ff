import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { DataCategory } from '../../../../common/src/domain.js';
import { Category } from '../../../../common/src/federation/category.js';

/**
 * An assistante maternelle supervised by a relais. All CHILDCARE, also when reached from a
 * concern: the hub releases it with the labelled field that holds it.
 */
@ObjectType('Childminder')
@Entity({ name: 'childminder' })
export class Childminder {
  @Field(() => ID)
  @Category(DataCategory.CHILDCARE)
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Field(() => String)
  @Category(DataCategory.CHILDCARE)
  @Column({ type: 'text' })
  name: string;

  /** The département's approval (agrément) number; unique. */
  @Field(() => String)
  @Category(DataCategory.CHILDCARE)
  @Column({ name: 'agrement_number', type: 'text', unique: true })
  agrementNumber: string;

  /** How many children the agrément allows at once (1 to 6). */
  @Field(() => Int)
  @Category(DataCategory.CHILDCARE)
  @Column({ type: 'integer' })
  capacity: number;

  /** Code of the supervising relais, e.g. `RPE-75-11`. */
  @Field(() => String, { name: 'relais' })
  @Category(DataCategory.CHILDCARE)
  @Column({ name: 'relais_id', type: 'text' })
  relaisId: string;

  @Column({ name: 'agrement_valid_until', type: 'date' })
  agrementValidUntil: string;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
