import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DataCategory } from '../../../../common/src/domain.js';
import { AgentContact } from '../../../../common/src/federation/agent-contact.type.js';
import { Category } from '../../../../common/src/federation/category.js';
import type { RpeContext } from '../context.js';
import { mayKnowReporter } from '../domain/own-reports.js';
import { Child } from '../entity/child.type.js';
import { Childminder } from '../entity/childminder.entity.js';
import { Concern } from '../entity/concern.entity.js';

@Resolver(() => Concern)
export class ConcernResolver {
  @FieldResolver(() => [Child], { description: 'The children the concern is about' })
  @Category(DataCategory.CONCERN)
  async children(@Root() concern: Concern, @Ctx() context: RpeContext): Promise<Child[]> {
    const childIds = await context.loaders.childIdsByConcern.load(concern.id);
    return childIds.map((id) => ({ id }));
  }

  @FieldResolver(() => Childminder, { nullable: true, description: 'The childminder concerned, if any' })
  @Category(DataCategory.CONCERN)
  childminder(@Root() concern: Concern, @Ctx() context: RpeContext): Promise<Childminder | null> | null {
    return concern.childminderId ? context.loaders.childminderById.load(concern.childminderId) : null;
  }

  /**
   * Who raised the concern. A coordinator missing from this relais's directory is still
   * named by agent id and relais, so that the CRIP always knows whom to answer.
   */
  @FieldResolver(() => AgentContact, { nullable: true })
  @Category(DataCategory.REPORTER_IDENTITY)
  async raisedBy(@Root() concern: Concern, @Ctx() context: RpeContext): Promise<AgentContact | null> {
    // The hub decides per child, but the reporter is owed to the reporter's own relais and to
    // the CRIP and ASE head the concern was sent to (DESIGN), not to those of another relais
    // or département who relate to the same child.
    if (!mayKnowReporter(context.viewer, concern)) return null;
    const agent = await context.loaders.agentById.load(concern.raisedById);
    if (!agent) return { name: concern.raisedById, institution: concern.raisedByInstitution, phone: null, email: null };
    return { name: agent.name, institution: concern.raisedByInstitution, phone: agent.phone, email: agent.email };
  }
}
