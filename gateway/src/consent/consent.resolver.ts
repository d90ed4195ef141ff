import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { IsNull } from 'typeorm';
import { holdsValues } from '../../../common/src/db/holds-values.js';
import { DataCategory } from '../../../common/src/domain.js';
import { badUserInput, keyAlreadyUsed } from '../../../common/src/errors.js';
import { assertMayCall } from '../auth/assert-may-call.js';
import type { HubContext } from '../context.js';
import { hubError } from '../errors.js';
import { requireAseRecord } from '../facts/require-relationship.js';
import { ruleFor } from '../policy/rules.js';
import { Consent } from './consent.entity.js';
import { ConsentInput } from './consent.input.js';

const notFound = () => hubError('NOT_FOUND', 'Consent not found');

/**
 * A consent names the child and the parent who gave it (`grantedBy`): every answer holding
 * consents is audited, as a release of the child's IDENTITY, the category nearest to it.
 */
function disclose(context: HubContext, childId: string): void {
  context.disclosures.released.push({ childId, category: DataCategory.IDENTITY });
}

@Resolver(() => Consent)
export class ConsentResolver {
  /** Consents recorded for a child the viewer works with, newest first. */
  @Query(() => [Consent])
  async consents(@Arg('childId', () => ID) childId: string, @Ctx() context: HubContext): Promise<Consent[]> {
    assertMayCall(context, 'consents');
    await requireAseRecord(context, childId);
    const consents = await context.dataSource.getRepository(Consent).find({ where: { childId }, order: { recordedAt: 'DESC' } });
    disclose(context, childId);
    return consents;
  }

  /**
   * Records the parents' consent. Refused for a category the recipient role may never see
   * (a consent cannot override a D cell of the rules table).
   */
  @Mutation(() => Consent)
  async recordConsent(@Arg('input', () => ConsentInput) input: ConsentInput, @Ctx() context: HubContext): Promise<Consent> {
    assertMayCall(context, 'recordConsent');
    if (input.validUntil && input.validUntil < input.validFrom) throw badUserInput('input.validUntil', 'Must not precede validFrom');
    if (input.grantedBy.trim() === '') throw badUserInput('input.grantedBy', 'Must not be blank');
    if (input.categories.some((category) => ruleFor(category, input.recipientRole) === 'D')) {
      throw badUserInput('input.categories', 'A consent cannot open a category this role may never see');
    }
    await requireAseRecord(context, input.childId);
    const repository = context.dataSource.getRepository(Consent);
    const key = input.idempotencyKey ?? null;
    const id = randomUUID();
    const content = {
      childId: input.childId,
      categories: [...input.categories].sort(),
      recipientRole: input.recipientRole,
      grantedBy: input.grantedBy.trim(),
      validFrom: input.validFrom,
      validUntil: input.validUntil ?? null,
    };
    const row = { id, ...content, recordedBy: context.agent.id, recordedAt: new Date(), revokedAt: null, revokedBy: null, idempotencyKey: key };
    if (!key) {
      // Without a key, a retry is known by its content: the same consent, standing and
      // recorded by the same agent, is the one returned, never recorded twice. The lock
      // serialises two identical requests for one child.
      const stored = await context.dataSource.transaction(async (manager) => {
        await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`consent:${input.childId}`]);
        const consents = manager.getRepository(Consent);
        const standing = await consents.findBy({ childId: input.childId, recordedBy: context.agent.id, revokedAt: IsNull() });
        const same = standing.find((consent) => holdsValues(consent, content));
        if (same) return same;
        await consents.insert(row);
        return consents.findOneByOrFail({ id });
      });
      disclose(context, input.childId);
      return stored;
    }
    await repository.createQueryBuilder().insert().values(row).orIgnore().execute();
    // With a key, a retry finds the consent the first call recorded. A key already used for
    // another consent (another child, another content) is refused: never hand that one over.
    const stored = await repository.findOneByOrFail({ idempotencyKey: key });
    // The same child, categories (stored sorted, as here), role, parent and dates.
    if (stored.id !== id && !holdsValues(stored, content)) throw keyAlreadyUsed();
    disclose(context, input.childId);
    return stored;
  }

  /** Revokes a consent, effective from the next request. Revoking twice changes nothing. */
  @Mutation(() => Consent)
  async revokeConsent(@Arg('id', () => ID) id: string, @Ctx() context: HubContext): Promise<Consent> {
    assertMayCall(context, 'revokeConsent');
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) throw notFound();
    const repository = context.dataSource.getRepository(Consent);
    const consent = await repository.findOneBy({ id });
    if (!consent) throw notFound();
    // A consent of a child the viewer may not manage looks like an unknown one; an ASE that
    // cannot be asked stays SOURCE_UNAVAILABLE: "not found" would tell the client the consent
    // is gone while it still opens data.
    await requireAseRecord(context, consent.childId).catch((error: unknown) => {
      throw error instanceof GraphQLError && error.extensions.code === 'NOT_FOUND' ? notFound() : error;
    });
    await repository
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()', revokedBy: context.agent.id })
      .where('id = :id AND revoked_at IS NULL', { id })
      .execute();
    disclose(context, consent.childId);
    return repository.findOneByOrFail({ id });
  }
}
