import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AgentContact } from '../../../common/src/federation/agent-contact.type.js';
import { DateTimeScalar } from '../../../common/src/scalars/date-time.scalar.js';
import { DataCategory } from '../hub-subgraph/enums.js';

/** "Who looked at my child's protection status, when, from where" — for the référent. */
@ObjectType('AccessNotification')
@Entity({ name: 'access_notification' })
export class AccessNotification {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  at: Date;

  @Field(() => ID)
  @Column({ name: 'child_id', type: 'text' })
  childId: string;

  @Field(() => DataCategory)
  @Column({ type: 'text' })
  category: DataCategory;

  @Column({ name: 'viewer_agent_id', type: 'text' })
  viewerAgentId: string;

  @Column({ name: 'viewer_name', type: 'text' })
  viewerName: string;

  @Column({ name: 'viewer_role', type: 'text' })
  viewerRole: string;

  @Column({ name: 'viewer_institution', type: 'text' })
  viewerInstitution: string;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @Field(() => AgentContact)
  viewer(): AgentContact {
    return { name: this.viewerName, institution: this.viewerInstitution, phone: null, email: null };
  }

  @Field(() => Boolean)
  read(): boolean {
    return this.readAt !== null;
  }
}
