import { randomUUID } from 'node:crypto';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { DataCategory, departementOf, Role } from '../../../../common/src/domain.js';
import { badUserInput, conflict, keyAlreadyUsed, notFound } from '../../../../common/src/errors.js';
import { AgentContact } from '../../../../common/src/federation/agent-contact.type.js';
import { Category } from '../../../../common/src/federation/category.js';
import { requireViewer } from '../../../../common/src/subgraph/require-viewer.js';
import { sameChild } from '../../../../common/src/subgraph/same-child.js';
import { toAgentContact } from '../agent-contact.js';
import type { AseContext } from '../context.js';
import { AseAgent } from '../entity/ase-agent.entity.js';
import { CripEvaluation, CripEvaluationStatus, CripOrigin } from '../entity/crip-evaluation.entity.js';
import { worksOnRecord } from '../relationships.js';
import { insertOnce } from './insert-once.js';
import { CloseEvaluationInput } from './types/close-evaluation.input.js';
import { RecordInformationPreoccupanteInput } from './types/record-information-preoccupante.input.js';

@Resolver(() => CripEvaluation)
export class CripEvaluationResolver {
  @FieldResolver(() => AgentContact, { nullable: true, description: 'The CRIP evaluator in charge' })
  @Category(DataCategory.PROTECTION_DETAILS)
  async evaluator(@Root() evaluation: CripEvaluation, @Ctx() context: AseContext): Promise<AgentContact | null> {
    return toAgentContact(await context.loaders.agentsById.load(evaluation.evaluatorId));
  }

  /**
   * The kind of source, REPORTER_IDENTITY: "relais petite enfance" or "famille" all but names
   * who reported. DESIGN.md gives the reporter to "the CRIP, the ASE head": those of the ASE
   * that received the information, not those of another département who relate to the child
   * through information of their own (null for them). A call without a viewer (the hub's
   * own) is not narrowed. Nullable in the schema, as a field the hub may withhold must be.
   */
  @FieldResolver(() => CripOrigin, { nullable: true })
  @Category(DataCategory.REPORTER_IDENTITY)
  origin(@Root() evaluation: CripEvaluation, @Ctx() context: AseContext): CripOrigin | null {
    const viewer = context.viewer;
    return !viewer || departementOf(viewer.institution) === departementOf(evaluation.institution) ? evaluation.origin : null;
  }

  /** Records an information préoccupante received by the CRIP, opening its evaluation. */
  @Mutation(() => CripEvaluation, { description: 'Records an information préoccupante received by the CRIP; idempotent on input.idempotencyKey' })
  async recordInformationPreoccupante(
    @Arg('input', () => RecordInformationPreoccupanteInput) input: RecordInformationPreoccupanteInput,
    @Ctx() context: AseContext,
  ): Promise<CripEvaluation> {
    const viewer = requireViewer(context);
    if (input.receivedOn > context.today) throw badUserInput('input.receivedOn', 'Must not be in the future');
    return context.dataSource.transaction(async (manager) => {
      const existing = sameChild(await manager.getRepository(CripEvaluation).findOneBy({ idempotencyKey: input.idempotencyKey }), input);
      // A retry is answered with an evaluation of the caller's own CRIP only: another
      // département's evaluation of this child, found under its key, is not handed over.
      if (existing && existing.institution !== viewer.institution) throw keyAlreadyUsed();
      if (existing) return existing;
      const evaluator = await manager.getRepository(AseAgent).findOneBy({ id: input.evaluatorId });
      // The information is received by the caller's own CRIP, not written into another's.
      if (!evaluator || evaluator.role !== Role.CRIP_EVALUATOR || evaluator.institution !== viewer.institution) {
        throw badUserInput('input.evaluatorId', 'Not a CRIP evaluator of your institution');
      }
      const saved = await insertOnce(manager, CripEvaluation, {
        id: `eval-${randomUUID()}`,
        childId: input.childId,
        institution: evaluator.institution,
        receivedOn: input.receivedOn,
        origin: input.origin,
        evaluatorId: evaluator.id,
        status: CripEvaluationStatus.OPEN,
        outcome: null,
        closedOn: null,
        idempotencyKey: input.idempotencyKey,
        recordedBy: viewer.agentId,
      });
      if (!saved) throw conflict('The evaluation could not be recorded');
      if (saved.institution !== viewer.institution) throw keyAlreadyUsed();
      return saved;
    });
  }

  /**
   * OPEN → CLOSED, once. The row is locked for the transaction and the UPDATE is conditioned
   * on OPEN. A retry is answered with the evaluation as it stands, writing nothing, when it is
   * already exactly as this call would leave it: CLOSED by this same agent with the same
   * outcome and closedOn. Another outcome or date, or a close by a colleague, stays CONFLICT.
   * Checked after the record is found to be the caller's casework, never before.
   */
  @Mutation(() => CripEvaluation, { description: 'Closes an open evaluation with its outcome (OPEN → CLOSED once); the same agent sending the same close again gets it unchanged' })
  async closeEvaluation(@Arg('input', () => CloseEvaluationInput) input: CloseEvaluationInput, @Ctx() context: AseContext): Promise<CripEvaluation> {
    const viewer = requireViewer(context);
    if (input.closedOn > context.today) throw badUserInput('input.closedOn', 'Must not be in the future');
    return context.dataSource.transaction(async (manager) => {
      const evaluations = manager.getRepository(CripEvaluation);
      const evaluation = await evaluations.findOne({ where: { id: input.evaluationId }, lock: { mode: 'pessimistic_write' } });
      // Another département's evaluation is not to be confirmed to exist.
      if (!evaluation || !worksOnRecord(viewer, { kind: 'evaluation', institution: evaluation.institution })) throw notFound('Evaluation', 'input.evaluationId');
      const alreadyDone =
        evaluation.status === CripEvaluationStatus.CLOSED && evaluation.outcome === input.outcome && evaluation.closedOn === input.closedOn && evaluation.closedBy === viewer.agentId;
      if (alreadyDone) return evaluation;
      if (input.closedOn < evaluation.receivedOn) throw badUserInput('input.closedOn', 'Must not precede receivedOn');
      const result = await evaluations
        .createQueryBuilder()
        .update()
        .set({ status: CripEvaluationStatus.CLOSED, outcome: input.outcome, closedOn: input.closedOn, closedBy: viewer.agentId })
        .where('id = :id AND status = :open', { id: evaluation.id, open: CripEvaluationStatus.OPEN })
        .execute();
      if (result.affected !== 1) throw conflict('The evaluation is not open');
      return evaluations.findOneByOrFail({ id: evaluation.id });
    });
  }
}
