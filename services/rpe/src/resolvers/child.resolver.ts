import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DataCategory } from '../../../../common/src/domain.js';
import { Category } from '../../../../common/src/federation/category.js';
import type { RpeContext } from '../context.js';
import { isAnotherRelaisReport } from '../domain/own-reports.js';
import { Child } from '../entity/child.type.js';
import { ChildcareArrangement } from '../entity/childcare-arrangement.entity.js';
import { Concern } from '../entity/concern.entity.js';

@Resolver(() => Child)
export class ChildResolver {
  @FieldResolver(() => [ChildcareArrangement], { nullable: true, description: 'Care by childminders, newest first' })
  @Category(DataCategory.CHILDCARE)
  childcare(@Root() child: Child, @Ctx() context: RpeContext): Promise<ChildcareArrangement[]> {
    return context.loaders.arrangementsByChild.load(child.id);
  }

  @FieldResolver(() => [Concern], { nullable: true, description: 'Concerns naming the child, newest first' })
  @Category(DataCategory.CONCERN)
  async concerns(@Root() child: Child, @Ctx() context: RpeContext): Promise<Concern[]> {
    const concerns = await context.loaders.concernsByChild.load(child.id);
    // Another relais's descriptions and the CRIP's outcome belong to the protection file.
    return concerns.filter((concern) => !isAnotherRelaisReport(context.viewer, concern));
  }
}
