import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { In, IsNull } from 'typeorm';
import { Source } from '../../../common/src/domain.js';
import { badUserInput } from '../../../common/src/errors.js';
import { assertMayCall } from '../auth/assert-may-call.js';
import type { HubContext } from '../context.js';
import { sourceUnavailable } from '../errors.js';
import { AccessNotification } from './access-notification.entity.js';

/** The children of whom the viewer is the ASE référent (asked of the ASE, every request). */
async function referentChildIds(context: HubContext): Promise<string[]> {
  const facts = await context.relationships.all();
  const ids = [...facts.byChild.entries()].filter(([, kinds]) => kinds.includes('ase:REFERENT')).map(([id]) => id);
  if (facts.unavailable.includes(Source.ASE)) throw sourceUnavailable(Source.ASE);
  return ids;
}

@Resolver(() => AccessNotification)
export class NotificationResolver {
  /** Looks at the protection status of the référent's own children, newest first. */
  @Query(() => [AccessNotification])
  async accessNotifications(@Arg('unreadOnly', () => Boolean, { nullable: true }) unreadOnly: boolean | null, @Ctx() context: HubContext): Promise<AccessNotification[]> {
    assertMayCall(context, 'accessNotifications');
    const childIds = await referentChildIds(context);
    if (childIds.length === 0) return [];
    return context.dataSource.getRepository(AccessNotification).find({
      where: unreadOnly ? { childId: In(childIds), readAt: IsNull() } : { childId: In(childIds) },
      order: { at: 'DESC', id: 'ASC' },
      take: 500,
    });
  }

  /** Marks the référent's own notifications read; returns how many changed. */
  @Mutation(() => Int)
  async markNotificationsRead(@Arg('ids', () => [ID]) ids: string[], @Ctx() context: HubContext): Promise<number> {
    assertMayCall(context, 'markNotificationsRead');
    if (ids.length > 500) throw badUserInput('ids', 'At most 500 ids at once');
    const uuids = ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id));
    const childIds = await referentChildIds(context);
    if (uuids.length === 0 || childIds.length === 0) return 0;
    const result = await context.dataSource
      .getRepository(AccessNotification)
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'now()' })
      .where({ id: In(uuids), childId: In(childIds), readAt: IsNull() })
      .execute();
    return result.affected ?? 0;
  }
}
