import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { InheritsCategory } from '../../../../common/src/federation/category.js';

/**
 * An assistante maternelle supervised by a relais: a professional, like an AgentContact. Her
 * fields take the category of the field that holds them (a child's childcare, a concern), so
 * the hub releases them with it; returned by registerChildminder to the relais registering
 * her, they are about no child, and go to it as they are (the RPE keeps them to the relais).
 */
@ObjectType('Childminder')
@Entity({ name: 'childminder' })
export class Childminder {
  @Field(() => ID)
  @InheritsCategory()
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Field(() => String)
  @InheritsCategory()
  @Column({ type: 'text' })
  name: string;

  /** The département's approval (agrément) number; unique. */
  @Field(() => String)
  @InheritsCategory()
  @Column({ name: 'agrement_number', type: 'text', unique: true })
  agrementNumber: string;

  /** How many children the agrément allows at once (1 to 6). */
  @Field(() => Int)
  @InheritsCategory()
  @Column({ type: 'integer' })
  capacity: number;

  /** Code of the supervising relais, e.g. `RPE-75-11`. */
  @Field(() => String, { name: 'relais' })
  @InheritsCategory()
  @Column({ name: 'relais_id', type: 'text' })
  relaisId: string;

  @Column({ name: 'agrement_valid_until', type: 'date' })
  agrementValidUntil: string;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
