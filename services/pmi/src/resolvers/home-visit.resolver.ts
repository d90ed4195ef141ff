import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { DataCategory } from '../../../../common/src/domain.js';
import { badUserInput, forbidden, keyAlreadyUsed } from '../../../../common/src/errors.js';
import { AgentContact } from '../../../../common/src/federation/agent-contact.type.js';
import { Category } from '../../../../common/src/federation/category.js';
import { requireViewer } from '../../../../common/src/subgraph/require-viewer.js';
import { sameChild } from '../../../../common/src/subgraph/same-child.js';
import { isFutureDay } from '../../../../common/src/calendar.js';
import type { PmiContext } from '../context.js';
import { FollowUp, FollowUpStatus } from '../entity/follow-up.entity.js';
import { HomeVisit } from '../entity/home-visit.entity.js';
import { PmiAgent, toAgentContact } from '../entity/pmi-agent.entity.js';
import { insertOnceOrFail } from './insert-once.js';
import { RecordHomeVisitInput } from './types/record-home-visit.input.js';

@Resolver(() => HomeVisit)
export class HomeVisitResolver {
  @FieldResolver(() => AgentContact, { nullable: true, description: 'The visiting puéricultrice' })
  @Category(DataCategory.HEALTH_DETAILS)
  async nurse(@Root() visit: HomeVisit, @Ctx() context: PmiContext): Promise<AgentContact | null> {
    return toAgentContact(await context.loaders.agentsById.load(visit.nurseId));
  }

  /**
   * Records the requesting agent's visit within the child's ACTIVE follow-up. Idempotent on
   * `idempotencyKey`. The follow-up row is share-locked so that it cannot close meanwhile.
   */
  @Mutation(() => HomeVisit)
  async recordHomeVisit(@Arg('input', () => RecordHomeVisitInput) input: RecordHomeVisitInput, @Ctx() context: PmiContext): Promise<HomeVisit> {
    const viewer = requireViewer(context);
    if (isFutureDay(input.visitedOn)) throw badUserInput('input.visitedOn', 'Must not be in the future');
    return context.dataSource.transaction(async (manager) => {
      const existing = sameChild(await manager.getRepository(HomeVisit).findOneBy({ idempotencyKey: input.idempotencyKey }), input);
      // A retry is answered with the nurse's own visit only, never another's (its notes).
      if (existing && existing.nurseId !== viewer.agentId) throw keyAlreadyUsed();
      if (existing) return existing;
      // The visit names its nurse: she must be an agent this service can show as a contact.
      if (!(await manager.getRepository(PmiAgent).existsBy({ id: viewer.agentId }))) {
        throw forbidden('Only a PMI agent may record a home visit');
      }
      const followUp = await manager.getRepository(FollowUp).findOne({
        where: { childId: input.childId, status: FollowUpStatus.ACTIVE },
        lock: { mode: 'pessimistic_read' },
      });
      // The visit goes into the nurse's own follow-up: another nurse's, or another PMI's, is
      // answered as none (the hub's relationship check is not this service's only guard).
      if (!followUp || followUp.nurseId !== viewer.agentId) throw badUserInput('input.childId', 'The child has no active follow-up');
      if (input.visitedOn < followUp.since) throw badUserInput('input.visitedOn', 'Must not precede the start of the follow-up');
      const saved = await insertOnceOrFail(manager, HomeVisit, {
        id: `visit-${crypto.randomUUID()}`,
        followUpId: followUp.id,
        childId: input.childId,
        visitedOn: input.visitedOn,
        nurseId: viewer.agentId,
        notes: input.notes,
        idempotencyKey: input.idempotencyKey,
      });
      // A concurrent visit of another nurse won the key: not ours to answer with.
      if (saved.nurseId !== viewer.agentId) throw keyAlreadyUsed();
      return saved;
    });
  }
}
