import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A juvenile-court case (assistance éducative) about one child, held by one court. */
@Entity({ name: 'court_case' })
export class CourtCase {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Index()
  @Column({ name: 'child_id', type: 'text' })
  childId: string;

  /** Institution code of the court holding the case, e.g. `TJ-PARIS`. */
  @Index()
  @Column({ type: 'text' })
  court: string;

  /** Agent id of the juge des enfants in charge. */
  @Column({ name: 'judge_id', type: 'text' })
  judgeId: string;

  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
