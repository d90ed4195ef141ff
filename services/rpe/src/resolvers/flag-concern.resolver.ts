import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { holdsValues } from '../../../../common/src/db/holds-values.js';
import { departementOf, Role } from '../../../../common/src/domain.js';
import { badUserInput, keyAlreadyUsed, notFound } from '../../../../common/src/errors.js';
import { childrenKnownToRelais } from '../relationships.js';
import type { RpeContext } from '../context.js';
import { feedbackDueBy, parisDay } from '../domain/calendar.js';
import { checkObservedAt, checkText, firstProblem } from '../domain/input-rules.js';
import { ConcernStatus } from '../entity/concern.enums.js';
import { Concern } from '../entity/concern.entity.js';
import { ConcernChild } from '../entity/concern-child.entity.js';
import { inListedOrder } from '../loaders/child-ids-by-concern.loader.js';
import { requireRole } from './require-role.js';
import { FlagConcernInput } from './types/flag-concern.input.js';

/**
 * A retry flags the same concern: the same content (category, severity, day, childminder and
 * text, as `content` was inserted) and the same children.
 */
async function sameConcern(manager: EntityManager, stored: Concern, content: Readonly<Record<string, unknown>>, input: FlagConcernInput): Promise<boolean> {
  if (!holdsValues(stored, content)) return false;
  const storedChildren = new Set((await manager.getRepository(ConcernChild).findBy({ concernId: stored.id })).map((row) => row.childId));
  const asked = new Set(input.childIds);
  return storedChildren.size === asked.size && [...asked].every((childId) => storedChildren.has(childId));
}

@Resolver(() => Concern)
export class FlagConcernResolver {
  /**
   * A relais coordinator raises a concern to the CRIP of the relais's département.
   * Idempotent on `idempotencyKey`, also under concurrent retries: the insert yields to an
   * existing key and every call returns the one stored concern.
   */
  @Mutation(() => Concern)
  async flagConcern(@Arg('input', () => FlagConcernInput) input: FlagConcernInput, @Ctx() context: RpeContext): Promise<Concern> {
    const viewer = requireRole(context, [Role.RPE_COORDINATOR]);
    const departement = departementOf(viewer.institution);
    if (!departement) throw new GraphQLError('This institution has no CRIP to report to', { extensions: { code: 'FORBIDDEN' } });
    const raisedAt = new Date();
    const problem = firstProblem(checkObservedAt(input.observedAt, parisDay(raisedAt)), checkText('input.description', input.description, 5000));
    if (problem) throw badUserInput(problem.field, problem.message);
    const known = await childrenKnownToRelais(context, viewer.institution, input.childIds);
    if (input.childIds.some((childId) => !known.has(childId))) throw notFound('Child', 'input.childIds');
    if (input.childminderId) {
      const childminder = await context.loaders.childminderById.load(input.childminderId);
      if (childminder?.relaisId !== viewer.institution) throw badUserInput('input.childminderId', 'No such childminder in this relais');
    }
    const id = `concern-${randomUUID()}`;
    const content = { childminderId: input.childminderId ?? null, category: input.category, severity: input.severity, observedAt: input.observedAt, description: input.description.trim() };
    const concern = await context.dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(Concern)
        .values({
          id,
          idempotencyKey: input.idempotencyKey,
          ...content,
          status: ConcernStatus.SUBMITTED,
          raisedAt,
          raisedById: viewer.agentId,
          raisedByInstitution: viewer.institution,
          departement,
          feedbackDueBy: feedbackDueBy(raisedAt),
        })
        .orIgnore()
        .execute();
      const stored = await manager.getRepository(Concern).findOneByOrFail({ idempotencyKey: input.idempotencyKey });
      if (stored.id === id) {
        await manager.getRepository(ConcernChild).insert(input.childIds.map((childId) => ({ concernId: id, childId })));
      } else if (stored.raisedByInstitution !== viewer.institution || !(await sameConcern(manager, stored, content, input))) {
        // Another relais's key: never hand its concern over. This relais's key for another
        // concern: answering with the first one would lose this one unseen.
        throw keyAlreadyUsed();
      }
      return stored;
    });
    // A concern raised here names exactly the children given: its `children` (which the hub
    // reads to decide the concern's fields) are known without reading them back.
    if (concern.id === id) context.loaders.childIdsByConcern.prime(id, inListedOrder(input.childIds));
    return concern;
  }
}
