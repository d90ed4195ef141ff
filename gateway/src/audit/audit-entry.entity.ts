import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeScalar } from '../../../common/src/scalars/date-time.scalar.js';
import { DataCategory, Role } from '../hub-subgraph/enums.js';
import { AuditWithheld } from './audit-withheld.type.js';

/**
 * One audited response: who asked, which children it touched, which categories it released
 * and which it withheld. Holds ids and categories, never the data itself. Rows are written
 * only by `AuditLog.append` and never change (see the migration).
 */
@ObjectType('AuditEntry')
@Entity({ name: 'audit_entry' })
export class AuditEntry {
  /** Position in the chain (bigint, as text); assigned by the database, not exposed. */
  @PrimaryColumn({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Field(() => ID)
  @Column({ type: 'uuid', unique: true })
  id: string;

  @Field(() => DateTimeScalar)
  @Column({ type: 'timestamptz' })
  at: Date;

  @Field(() => ID)
  @Column({ name: 'agent_id', type: 'text' })
  agentId: string;

  @Field(() => Role)
  @Column({ type: 'text' })
  role: Role;

  @Field(() => String)
  @Column({ type: 'text' })
  institution: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'operation_name', type: 'text', nullable: true })
  operationName: string | null;

  /** SHA-256 of the operation's document, so that the DPO can tell which query was run. */
  @Field(() => String)
  @Column({ name: 'operation_hash', type: 'text' })
  operationHash: string;

  @Field(() => [ID])
  @Column({ name: 'child_ids', type: 'text', array: true })
  childIds: string[];

  @Field(() => [DataCategory])
  @Column({ type: 'text', array: true })
  released: DataCategory[];

  @Field(() => [AuditWithheld])
  @Column({ name: 'withheld', type: 'jsonb' })
  withheldReasons: AuditWithheld[];

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash: string;

  @Column({ type: 'text' })
  hash: string;

  /** The withheld categories (public contract), each once; reasons are in `withheldReasons`. */
  @Field(() => [DataCategory])
  get withheld(): DataCategory[] {
    return [...new Set(this.withheldReasons.map((item) => item.category))].sort();
  }
}
