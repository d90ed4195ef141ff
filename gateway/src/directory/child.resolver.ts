import { randomUUID } from 'node:crypto';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { isFutureDay } from '../../../common/src/calendar.js';
import { holdsValues } from '../../../common/src/db/holds-values.js';
import { isChildId } from '../../../common/src/domain.js';
import { badUserInput, keyAlreadyUsed } from '../../../common/src/errors.js';
import type { HubContext } from '../context.js';
import { childNotFound, sourceUnavailable } from '../errors.js';
import { ChildIdentity } from './child-identity.entity.js';
import { RegisterChildInput } from './register-child.input.js';

@Resolver(() => ChildIdentity)
export class ChildResolver {
  /**
   * A child the viewer has a care relationship with. No relationship and unknown id give the
   * same answer (NOT_FOUND); when an institution cannot be asked and none of those that
   * answered knows a relationship, the hub cannot tell and withholds (SOURCE_UNAVAILABLE),
   * for an id nobody registered too: otherwise the outage would tell which children exist.
   */
  @Query(() => ChildIdentity, { nullable: true })
  async child(@Arg('id', () => ID) id: string, @Ctx() context: HubContext): Promise<ChildIdentity | null> {
    if (!isChildId(id)) throw childNotFound();
    const [identity, relationship] = await Promise.all([context.loaders.childById.load(id), context.relationships.forChild(id)]);
    if (relationship.kinds.length === 0 && relationship.unavailable.length > 0) {
      throw sourceUnavailable(relationship.unavailable.join(', '));
    }
    if (!identity || relationship.kinds.length === 0) throw childNotFound();
    return identity;
  }

  /** Children the viewer has a care relationship with, by name. */
  @Query(() => [ChildIdentity])
  async myChildren(@Ctx() context: HubContext): Promise<ChildIdentity[]> {
    const facts = await context.relationships.all();
    for (const source of facts.unavailable) context.notices.push(sourceUnavailable(source));
    const ids = [...facts.byChild.keys()];
    const loaded = await context.loaders.childById.loadMany(ids);
    // A directory that cannot be read is an outage (SOURCE_UNAVAILABLE), never "no children".
    const failed = loaded.find((child): child is Error => child instanceof Error);
    if (failed) throw failed;
    const children = loaded.filter((child): child is ChildIdentity => child !== null);
    return children.sort((a, b) => a.lastName.localeCompare(b.lastName, 'fr') || a.firstName.localeCompare(b.firstName, 'fr') || a.id.localeCompare(b.id));
  }

  /** Adds a child to the directory; idempotent on `idempotencyKey`. */
  @Mutation(() => ChildIdentity)
  async registerChild(@Arg('input', () => RegisterChildInput) input: RegisterChildInput, @Ctx() context: HubContext): Promise<ChildIdentity> {
    // A Paris calendar day, as every date the services check: between midnight in Paris and
    // midnight UTC, a child born today in Paris was refused as born tomorrow.
    if (isFutureDay(input.birthDate)) throw badUserInput('input.birthDate', 'Must not be in the future');
    if (input.firstName.trim() === '') throw badUserInput('input.firstName', 'Must not be blank');
    if (input.lastName.trim() === '') throw badUserInput('input.lastName', 'Must not be blank');
    const repository = context.dataSource.getRepository(ChildIdentity);
    const identity = { firstName: input.firstName.trim(), lastName: input.lastName.trim(), birthDate: input.birthDate };
    await repository
      .createQueryBuilder()
      .insert()
      .values({ id: `child-${randomUUID()}`, ...identity, idempotencyKey: input.idempotencyKey })
      .orIgnore()
      .execute();
    const stored = await repository.findOneByOrFail({ idempotencyKey: input.idempotencyKey });
    // A retry registers the same child; a key already used for another one is refused, never
    // answered with that child's id (which would tell that it exists).
    if (!holdsValues(stored, identity)) throw keyAlreadyUsed();
    return stored;
  }
}
