import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DataCategory } from '../../../../common/src/domain.js';
import { Category } from '../../../../common/src/federation/category.js';
import type { JusticeContext } from '../context.js';
import { Child } from '../entity/child.type.js';
import { CourtDecision } from '../entity/court-decision.entity.js';

@Resolver(() => Child)
export class ChildResolver {
  @FieldResolver(() => [CourtDecision], { nullable: true, description: 'Decisions of the juvenile court, newest first' })
  @Category(DataCategory.COURT_DECISION)
  courtDecisions(@Root() child: Child, @Ctx() context: JusticeContext): Promise<CourtDecision[]> {
    return context.loaders.decisionsByChild.load(child.id);
  }
}
