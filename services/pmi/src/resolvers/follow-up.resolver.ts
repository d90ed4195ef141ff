import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { DataCategory } from '../../../../common/src/domain.js';
import { AgentContact } from '../../../../common/src/federation/agent-contact.type.js';
import { Category } from '../../../../common/src/federation/category.js';
import { DateScalar } from '../../../../common/src/scalars/date.scalar.js';
import type { PmiContext } from '../context.js';
import { FollowUp } from '../entity/follow-up.entity.js';
import { toAgentContact } from '../entity/pmi-agent.entity.js';
import { visitStats } from '../follow-ups.js';

/** Derived fields of a follow-up, all HEALTH_FOLLOW_UP, all through loaders. */
@Resolver(() => FollowUp)
export class FollowUpResolver {
  @FieldResolver(() => AgentContact, { nullable: true, description: 'The puéricultrice in charge' })
  @Category(DataCategory.HEALTH_FOLLOW_UP)
  async nurse(@Root() followUp: FollowUp, @Ctx() context: PmiContext): Promise<AgentContact | null> {
    return toAgentContact(await context.loaders.agentsById.load(followUp.nurseId));
  }

  @FieldResolver(() => DateScalar, { nullable: true })
  @Category(DataCategory.HEALTH_FOLLOW_UP)
  async lastVisitOn(@Root() followUp: FollowUp, @Ctx() context: PmiContext): Promise<string | null> {
    return visitStats(await context.loaders.visitsByChild.load(followUp.childId), followUp.id).lastVisitOn;
  }

  @FieldResolver(() => Int)
  @Category(DataCategory.HEALTH_FOLLOW_UP)
  async visitCount(@Root() followUp: FollowUp, @Ctx() context: PmiContext): Promise<number> {
    return visitStats(await context.loaders.visitsByChild.load(followUp.childId), followUp.id).visitCount;
  }
}
