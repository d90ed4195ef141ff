import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Concern } from './concern.entity.js';

/** A child named in a concern (a concern may be about several children). */
@Entity({ name: 'concern_child' })
export class ConcernChild {
  @PrimaryColumn({ name: 'concern_id', type: 'text' })
  concernId: string;

  @PrimaryColumn({ name: 'child_id', type: 'text' })
  childId: string;

  /** Joined by the loaders to fetch a child's concerns in one statement. */
  @ManyToOne(() => Concern, { nullable: false })
  @JoinColumn({ name: 'concern_id' })
  concern?: Concern;
}
