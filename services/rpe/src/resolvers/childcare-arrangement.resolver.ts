import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DataCategory } from '../../../../common/src/domain.js';
import { notFound } from '../../../../common/src/errors.js';
import { Category } from '../../../../common/src/federation/category.js';
import type { RpeContext } from '../context.js';
import { ChildcareArrangement } from '../entity/childcare-arrangement.entity.js';
import { Childminder } from '../entity/childminder.entity.js';

@Resolver(() => ChildcareArrangement)
export class ChildcareArrangementResolver {
  @FieldResolver(() => Childminder)
  @Category(DataCategory.CHILDCARE)
  async childminder(@Root() arrangement: ChildcareArrangement, @Ctx() context: RpeContext): Promise<Childminder> {
    const childminder = await context.loaders.childminderById.load(arrangement.childminderId);
    // The foreign key makes this unreachable; a typed error rather than a null in a non-null field.
    if (!childminder) throw notFound('Childminder');
    return childminder;
  }
}
