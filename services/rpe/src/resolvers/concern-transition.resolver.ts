import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { departementOf } from '../../../../common/src/domain.js';
import { badUserInput, conflict, notFound } from '../../../../common/src/errors.js';
import type { RpeContext } from '../context.js';
import { type ConcernAction, CONCERN_TRANSITIONS } from '../domain/concern-transitions.js';
import { checkText } from '../domain/input-rules.js';
import { Concern } from '../entity/concern.entity.js';
import { requireRole } from './require-role.js';

/**
 * Moves a concern one step along CONCERN_TRANSITIONS. The UPDATE is conditioned on the
 * expected status, so that two evaluators acting at once cannot both succeed.
 */
async function transition(context: RpeContext, id: string, action: ConcernAction, outcome?: string): Promise<Concern> {
  const step = CONCERN_TRANSITIONS[action];
  const viewer = requireRole(context, step.roles);
  const concerns = context.dataSource.getRepository(Concern);
  const concern = await concerns.findOneBy({ id });
  // Another département's concern is not to be confirmed to exist.
  if (!concern || concern.departement !== departementOf(viewer.institution)) throw notFound('Concern', 'id');
  const result = await concerns
    .createQueryBuilder()
    .update(Concern)
    .set({ status: step.to, [step.atField]: new Date(), [step.byField]: viewer.agentId, ...(outcome === undefined ? {} : { outcome }) })
    .where('id = :id AND status = :from', { id, from: step.from })
    .returning(['id'])
    .execute();
  if (!result.affected) throw conflict(`Only a ${step.from} concern can move to ${step.to}`);
  return concerns.findOneByOrFail({ id });
}

@Resolver(() => Concern)
export class ConcernTransitionResolver {
  @Mutation(() => Concern, { description: 'The CRIP acknowledges receipt: SUBMITTED → ACKNOWLEDGED' })
  acknowledgeConcern(@Arg('id', () => ID) id: string, @Ctx() context: RpeContext): Promise<Concern> {
    return transition(context, id, 'acknowledge');
  }

  @Mutation(() => Concern, { description: 'ACKNOWLEDGED → UNDER_EVALUATION' })
  startConcernEvaluation(@Arg('id', () => ID) id: string, @Ctx() context: RpeContext): Promise<Concern> {
    return transition(context, id, 'startEvaluation');
  }

  @Mutation(() => Concern, { description: 'UNDER_EVALUATION → CLOSED, with the answer owed to the reporter' })
  closeConcern(@Arg('id', () => ID) id: string, @Arg('outcome', () => String) outcome: string, @Ctx() context: RpeContext): Promise<Concern> {
    requireRole(context, CONCERN_TRANSITIONS.close.roles);
    const problem = checkText('outcome', outcome, 5000);
    if (problem) throw badUserInput(problem.field, problem.message);
    return transition(context, id, 'close', outcome.trim());
  }
}
