import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DataCategory } from '../../../../common/src/domain.js';
import { Category } from '../../../../common/src/federation/category.js';
import type { PmiContext } from '../context.js';
import { Child } from '../entity/child.type.js';
import { FollowUp } from '../entity/follow-up.entity.js';
import { HealthRecord } from '../entity/health-record.type.js';
import { currentFollowUp } from '../follow-ups.js';

@Resolver(() => Child)
export class ChildResolver {
  @FieldResolver(() => FollowUp, { nullable: true, description: 'The active PMI follow-up, else the latest one' })
  @Category(DataCategory.HEALTH_FOLLOW_UP)
  async pmiFollowUp(@Root() child: Child, @Ctx() context: PmiContext): Promise<FollowUp | null> {
    return currentFollowUp(await context.loaders.followUpsByChild.load(child.id));
  }

  @FieldResolver(() => HealthRecord, { nullable: true, description: 'Checks, home visits and vaccination; null when PMI holds nothing' })
  @Category(DataCategory.HEALTH_DETAILS)
  async healthRecord(@Root() child: Child, @Ctx() context: PmiContext): Promise<HealthRecord | null> {
    const { loaders } = context;
    const [followUps, checks, visits, vaccination] = await Promise.all([
      loaders.followUpsByChild.load(child.id),
      loaders.checksByChild.load(child.id),
      loaders.visitsByChild.load(child.id),
      loaders.vaccinationByChild.load(child.id),
    ]);
    // A follow-up with nothing recorded yet is an (empty) record; no data at all is null.
    if (followUps.length === 0 && checks.length === 0 && visits.length === 0 && !vaccination) return null;
    return { checks, visits, vaccination };
  }
}
