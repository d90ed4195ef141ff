import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { Role, type Viewer } from '../../../../common/src/domain.js';
import { badUserInput, conflict, keyAlreadyUsed, notFound } from '../../../../common/src/errors.js';
import { requireViewer } from '../../../../common/src/subgraph/require-viewer.js';
import { sameChild } from '../../../../common/src/subgraph/same-child.js';
import { isFutureDay } from '../../../../common/src/calendar.js';
import type { PmiContext } from '../context.js';
import { FollowUp, FollowUpStatus } from '../entity/follow-up.entity.js';
import { PmiAgent, PmiRole } from '../entity/pmi-agent.entity.js';
import { insertOnce } from './insert-once.js';
import { CloseFollowUpInput } from './types/close-follow-up.input.js';
import { StartFollowUpInput } from './types/start-follow-up.input.js';

function mayClose(viewer: Viewer, followUp: FollowUp): boolean {
  if (viewer.role === Role.PMI_NURSE) return followUp.nurseId === viewer.agentId;
  return viewer.role === Role.PMI_DOCTOR && followUp.institution === viewer.institution;
}

@Resolver(() => FollowUp)
export class FollowUpMutations {
  /**
   * Starts a child's follow-up by a PMI nurse, in her institution. Idempotent on
   * `idempotencyKey`; a child has at most one ACTIVE follow-up.
   */
  @Mutation(() => FollowUp)
  async startFollowUp(@Arg('input', () => StartFollowUpInput) input: StartFollowUpInput, @Ctx() context: PmiContext): Promise<FollowUp> {
    const viewer = requireViewer(context);
    if (isFutureDay(input.since)) throw badUserInput('input.since', 'Must not be in the future');
    return context.dataSource.transaction(async (manager) => {
      const followUps = manager.getRepository(FollowUp);
      const existing = sameChild(await followUps.findOneBy({ idempotencyKey: input.idempotencyKey }), input);
      // A retry is answered with a follow-up of the caller's own PMI only: another PMI's
      // follow-up of this child, found under its key, is neither handed over nor dated.
      if (existing && existing.institution !== viewer.institution) throw keyAlreadyUsed();
      if (existing) return existing;
      const nurse = await manager.getRepository(PmiAgent).findOneBy({ id: input.nurseId, role: PmiRole.PMI_NURSE });
      // A PMI follows a child with its own nurses: naming another institution's nurse would
      // open a follow-up (and a relationship) in an institution the caller does not belong to.
      if (!nurse || nurse.institution !== viewer.institution) throw badUserInput('input.nurseId', 'Not a PMI nurse of your institution');
      const alreadyFollowed = badUserInput('input.childId', 'The child already has an active follow-up');
      const created = await insertOnce(manager, FollowUp, {
        id: `followup-${crypto.randomUUID()}`,
        childId: input.childId,
        institution: nurse.institution,
        nurseId: nurse.id,
        since: input.since,
        status: FollowUpStatus.ACTIVE,
        closedOn: null,
        startedBy: viewer.agentId,
        closedBy: null,
        idempotencyKey: input.idempotencyKey,
      });
      // No row under our key: the one-ACTIVE-per-child index refused it. Checking that index
      // before inserting would race with an identical request committing in between (it did:
      // the second of two identical concurrent starts was refused).
      if (!created) throw alreadyFollowed;
      if (created.institution !== viewer.institution) throw keyAlreadyUsed();
      return created;
    });
  }

  /**
   * ACTIVE → CLOSED, once. The row is locked for the transaction and the UPDATE is guarded on
   * ACTIVE. A retry is answered with the follow-up as it stands, writing nothing, when it is
   * already exactly as this call would leave it: CLOSED by this same agent on the same
   * closedOn. Another date, or a close by someone else, stays CONFLICT. Checked only once the
   * follow-up is known to be the caller's to close, so a retry hands nothing to another.
   */
  @Mutation(() => FollowUp)
  async closeFollowUp(@Arg('input', () => CloseFollowUpInput) input: CloseFollowUpInput, @Ctx() context: PmiContext): Promise<FollowUp> {
    const viewer = requireViewer(context);
    if (isFutureDay(input.closedOn)) throw badUserInput('input.closedOn', 'Must not be in the future');
    return context.dataSource.transaction(async (manager) => {
      const followUps = manager.getRepository(FollowUp);
      const followUp = await followUps.findOne({ where: { id: input.followUpId }, lock: { mode: 'pessimistic_write' } });
      // Only her own follow-up for a nurse, one of the institution's for a doctor; another's is
      // not to be confirmed to exist.
      if (!followUp || !mayClose(viewer, followUp)) throw notFound('Follow-up', 'input.followUpId');
      if (followUp.status === FollowUpStatus.CLOSED && followUp.closedOn === input.closedOn && followUp.closedBy === viewer.agentId) return followUp;
      if (input.closedOn < followUp.since) throw badUserInput('input.closedOn', 'Must not precede the start of the follow-up');
      const result = await followUps
        .createQueryBuilder()
        .update()
        .set({ status: FollowUpStatus.CLOSED, closedOn: input.closedOn, closedBy: viewer.agentId })
        .where('id = :id AND status = :active', { id: followUp.id, active: FollowUpStatus.ACTIVE })
        .execute();
      if (!result.affected) throw conflict('Only an active follow-up can be closed');
      return followUps.findOneByOrFail({ id: followUp.id });
    });
  }
}
