import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { Category } from '../../../../common/src/federation/category.js';
import { DataCategory } from '../../../../common/src/domain.js';
import { DateScalar } from '../../../../common/src/scalars/date.scalar.js';

export enum DecisionKind {
  OPP = 'OPP',
  AEMO_JUDGMENT = 'AEMO_JUDGMENT',
  PLACEMENT_JUDGMENT = 'PLACEMENT_JUDGMENT',
  RENEWAL = 'RENEWAL',
  MAINLEVEE = 'MAINLEVEE',
}
registerEnumType(DecisionKind, { name: 'DecisionKind', description: 'OPP, AEMO and placement judgments, renewals, mainlevée' });

export enum OrderedMeasure {
  NONE = 'NONE',
  AEMO = 'AEMO',
  PLACEMENT = 'PLACEMENT',
}
registerEnumType(OrderedMeasure, { name: 'OrderedMeasure' });

/** A decision of a juge des enfants. Everything but `content` is COURT_DECISION. */
@ObjectType('CourtDecision')
@Entity({ name: 'court_decision' })
export class CourtDecision {
  @Field(() => ID)
  @Category(DataCategory.COURT_DECISION)
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Index()
  @Column({ name: 'case_id', type: 'text' })
  caseId: string;

  /** The child this record is about: the hub decides its release for that child. */
  @Field(() => ID, { description: 'The child this record is about' })
  @Category(DataCategory.COURT_DECISION)
  @Index()
  @Column({ name: 'child_id', type: 'text' })
  childId: string;

  @Field(() => String)
  @Category(DataCategory.COURT_DECISION)
  @Column({ type: 'text' })
  court: string;

  @Field(() => String)
  @Category(DataCategory.COURT_DECISION)
  @Column({ type: 'text' })
  kind: DecisionKind;

  @Field(() => DateScalar)
  @Category(DataCategory.COURT_DECISION)
  @Column({ name: 'decided_at', type: 'date' })
  decidedAt: string;

  @Field(() => DateScalar, { nullable: true })
  @Category(DataCategory.COURT_DECISION)
  @Column({ name: 'effective_until', type: 'date', nullable: true })
  effectiveUntil: string | null;

  @Field(() => OrderedMeasure)
  @Category(DataCategory.COURT_DECISION)
  @Column({ name: 'measure_ordered', type: 'text' })
  measureOrdered: OrderedMeasure;

  /** The reasoning and orders: what the judge wrote. */
  @Field(() => String, { nullable: true })
  @Category(DataCategory.COURT_DECISION_CONTENT)
  @Column({ type: 'text' })
  content: string;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
