import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { holdsValues } from '../../../../common/src/db/holds-values.js';
import { Role } from '../../../../common/src/domain.js';
import { badUserInput, conflict, keyAlreadyUsed, notFound } from '../../../../common/src/errors.js';
import type { RpeContext } from '../context.js';
import { parisDay } from '../domain/calendar.js';
import { checkEndNotBeforeStart, checkText, firstProblem } from '../domain/input-rules.js';
import { ChildcareArrangement } from '../entity/childcare-arrangement.entity.js';
import { ongoingOn } from '../relationships.js';
import { requireRole } from './require-role.js';
import { EndChildcareArrangementInput } from './types/end-childcare-arrangement.input.js';
import { RegisterChildcareArrangementInput } from './types/register-childcare-arrangement.input.js';

@Resolver(() => ChildcareArrangement)
export class ChildcareArrangementMutationResolver {
  /** Records that a child is cared for by a childminder of the relais. Idempotent on `idempotencyKey`. */
  @Mutation(() => ChildcareArrangement)
  async registerChildcareArrangement(
    @Arg('input', () => RegisterChildcareArrangementInput) input: RegisterChildcareArrangementInput,
    @Ctx() context: RpeContext,
  ): Promise<ChildcareArrangement> {
    const viewer = requireRole(context, [Role.RPE_COORDINATOR]);
    const problem = firstProblem(checkEndNotBeforeStart('input.endDate', input.startDate, input.endDate), checkText('input.schedule', input.schedule, 200));
    if (problem) throw badUserInput(problem.field, problem.message);
    const childminder = await context.loaders.childminderById.load(input.childminderId);
    if (childminder?.relaisId !== viewer.institution) throw badUserInput('input.childminderId', 'No such childminder in this relais');
    const values = { childId: input.childId, childminderId: input.childminderId, startDate: input.startDate, endDate: input.endDate ?? null, schedule: input.schedule.trim() };
    return context.dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(ChildcareArrangement)
        .values({ id: `arrangement-${randomUUID()}`, ...values, idempotencyKey: input.idempotencyKey })
        .orIgnore()
        .execute();
      const arrangement = await manager.getRepository(ChildcareArrangement).findOneByOrFail({ idempotencyKey: input.idempotencyKey });
      // A key already used for another childminder may belong to another relais: not ours to
      // return. One used for another arrangement of ours: answering with it would lose this one.
      if (!holdsValues(arrangement, values)) throw keyAlreadyUsed();
      return arrangement;
    });
  }

  /**
   * Ends an arrangement of the relais. An arrangement still in force today (no end, or a
   * planned end today or later, as registered with the contract's end) may be given its end,
   * earlier or later: a child who leaves before the planned end must stop being the relais's
   * child that day, not on the contract's date. The same agent ending again on the same day
   * gets it unchanged (a retry); an end already past, recorded on another day or by another
   * agent (an end she did not record, which the hub would show her as her own write's
   * answer), is a CONFLICT.
   */
  @Mutation(() => ChildcareArrangement)
  async endChildcareArrangement(
    @Arg('input', () => EndChildcareArrangementInput) input: EndChildcareArrangementInput,
    @Ctx() context: RpeContext,
  ): Promise<ChildcareArrangement> {
    const viewer = requireRole(context, [Role.RPE_COORDINATOR]);
    const arrangements = context.dataSource.getRepository(ChildcareArrangement);
    const arrangement = await arrangements.findOneBy({ id: input.arrangementId });
    const childminder = arrangement && (await context.loaders.childminderById.load(arrangement.childminderId));
    if (!arrangement || childminder?.relaisId !== viewer.institution) throw notFound('Arrangement', 'input.arrangementId');
    const problem = checkEndNotBeforeStart('input.endDate', arrangement.startDate, input.endDate);
    if (problem) throw badUserInput(problem.field, problem.message);
    const result = await arrangements
      .createQueryBuilder()
      .update(ChildcareArrangement)
      .set({ endDate: input.endDate, endedBy: viewer.agentId })
      .where(`id = :id AND (${ongoingOn('end_date', ':today')} OR (end_date = :endDate AND ended_by = :agent))`, {
        id: input.arrangementId,
        today: parisDay(new Date()),
        endDate: input.endDate,
        agent: viewer.agentId,
      })
      .returning(['id'])
      .execute();
    if (!result.affected) throw conflict('The arrangement has already ended');
    return arrangements.findOneByOrFail({ id: input.arrangementId });
  }
}
