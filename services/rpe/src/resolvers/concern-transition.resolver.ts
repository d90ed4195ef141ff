import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { departementOf } from '../../../../common/src/domain.js';
import { badUserInput, conflict, notFound } from '../../../../common/src/errors.js';
import type { RpeContext } from '../context.js';
import { type ConcernAction, CONCERN_TRANSITIONS } from '../domain/concern-transitions.js';
import { checkText } from '../domain/input-rules.js';
import { Concern } from '../entity/concern.entity.js';
import { requireRole } from './require-role.js';

/**
 * Moves a concern one step along CONCERN_TRANSITIONS. The row is locked for the transaction
 * and the UPDATE is conditioned on the expected status, so that two evaluators acting at
 * once cannot both succeed.
 *
 * A retry (a client whose answer was lost, or told to send the same request again) is
 * answered with the concern as it stands, writing nothing, when the concern is already in
 * exactly the state this call would produce: the step's target status, moved by this same
 * agent, and for a close the same outcome. Anything else stays a CONFLICT: another outcome,
 * a move made by a colleague, and a concern already past the target (acknowledging a concern
 * now UNDER_EVALUATION or CLOSED is not answered with it: that call would not have produced
 * that state, and the caller could take the later state for its own doing). The role and
 * département checks come first, so a retry hands nothing to one who could not have written.
 */
async function transition(context: RpeContext, id: string, action: ConcernAction, outcome?: string): Promise<Concern> {
  const step = CONCERN_TRANSITIONS[action];
  const viewer = requireRole(context, step.roles);
  return context.dataSource.transaction(async (manager) => {
    const concerns = manager.getRepository(Concern);
    const concern = await concerns.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    // Another département's concern is not to be confirmed to exist.
    if (!concern || concern.departement !== departementOf(viewer.institution)) throw notFound('Concern', 'id');
    const alreadyDone = concern.status === step.to && concern[step.byField] === viewer.agentId && (outcome === undefined || concern.outcome === outcome);
    if (alreadyDone) return concern;
    const result = await concerns
      .createQueryBuilder()
      .update(Concern)
      .set({ status: step.to, [step.atField]: new Date(), [step.byField]: viewer.agentId, ...(outcome === undefined ? {} : { outcome }) })
      .where('id = :id AND status = :from', { id, from: step.from })
      .returning(['id'])
      .execute();
    if (!result.affected) throw conflict(`Only a ${step.from} concern can move to ${step.to}`);
    return concerns.findOneByOrFail({ id });
  });
}

@Resolver(() => Concern)
export class ConcernTransitionResolver {
  @Mutation(() => Concern, { description: 'The CRIP acknowledges receipt: SUBMITTED → ACKNOWLEDGED; the same agent acknowledging again gets it unchanged' })
  acknowledgeConcern(@Arg('id', () => ID) id: string, @Ctx() context: RpeContext): Promise<Concern> {
    return transition(context, id, 'acknowledge');
  }

  @Mutation(() => Concern, { description: 'ACKNOWLEDGED → UNDER_EVALUATION; the same agent starting again gets it unchanged' })
  startConcernEvaluation(@Arg('id', () => ID) id: string, @Ctx() context: RpeContext): Promise<Concern> {
    return transition(context, id, 'startEvaluation');
  }

  @Mutation(() => Concern, { description: 'UNDER_EVALUATION → CLOSED, with the answer owed to the reporter; the same agent closing again with the same outcome gets it unchanged' })
  closeConcern(@Arg('id', () => ID) id: string, @Arg('outcome', () => String) outcome: string, @Ctx() context: RpeContext): Promise<Concern> {
    requireRole(context, CONCERN_TRANSITIONS.close.roles);
    const problem = checkText('outcome', outcome, 5000);
    if (problem) throw badUserInput(problem.field, problem.message);
    return transition(context, id, 'close', outcome.trim());
  }
}
