import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { departementOf, Role } from '../../../../common/src/domain.js';
import type { RpeContext } from '../context.js';
import { ConcernStatus, Severity } from '../entity/concern.enums.js';
import { Concern } from '../entity/concern.entity.js';
import { requireRole } from './require-role.js';

@Resolver(() => Concern)
export class ConcernQueryResolver {
  /**
   * The CRIP's work list: concerns raised by the relais of the viewer's département, the
   * urgent ones first, then by the deadline owed to the reporter, then oldest first.
   */
  @Query(() => [Concern])
  concernsInbox(
    @Arg('status', () => ConcernStatus, { nullable: true }) status: ConcernStatus | null,
    @Ctx() context: RpeContext,
  ): Promise<Concern[]> {
    const viewer = requireRole(context, [Role.CRIP_EVALUATOR, Role.ASE_MANAGER]);
    const departement = departementOf(viewer.institution);
    if (!departement) return Promise.resolve([]);
    const query = context.dataSource
      .getRepository(Concern)
      .createQueryBuilder('concern')
      .where('concern.departement = :departement', { departement });
    if (status) query.andWhere('concern.status = :status', { status });
    return query
      .orderBy(`CASE WHEN concern.severity = '${Severity.URGENT}' THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy('concern.feedback_due_by', 'ASC')
      .addOrderBy('concern.raised_at', 'ASC')
      .addOrderBy('concern.id', 'ASC')
      .getMany();
  }

  /** What a relais coordinator follows: the concerns the relais raised, newest first. */
  @Query(() => [Concern])
  myRelaisConcerns(@Ctx() context: RpeContext): Promise<Concern[]> {
    const viewer = requireRole(context, [Role.RPE_COORDINATOR]);
    return context.dataSource.getRepository(Concern).find({
      where: { raisedByInstitution: viewer.institution },
      order: { raisedAt: 'DESC', id: 'ASC' },
    });
  }
}
