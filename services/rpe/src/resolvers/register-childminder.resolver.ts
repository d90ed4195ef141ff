import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { holdsValues } from '../../../../common/src/db/holds-values.js';
import { Role } from '../../../../common/src/domain.js';
import { badUserInput, keyAlreadyUsed } from '../../../../common/src/errors.js';
import type { RpeContext } from '../context.js';
import { parisDay } from '../domain/calendar.js';
import { checkText, firstProblem } from '../domain/input-rules.js';
import { Childminder } from '../entity/childminder.entity.js';
import { requireRole } from './require-role.js';
import { RegisterChildminderInput } from './types/register-childminder.input.js';

@Resolver(() => Childminder)
export class RegisterChildminderResolver {
  /** A relais registers a childminder it supervises. Idempotent on `idempotencyKey`. */
  @Mutation(() => Childminder)
  async registerChildminder(
    @Arg('input', () => RegisterChildminderInput) input: RegisterChildminderInput,
    @Ctx() context: RpeContext,
  ): Promise<Childminder> {
    const viewer = requireRole(context, [Role.RPE_COORDINATOR]);
    const problem = firstProblem(
      checkText('input.name', input.name, 200),
      input.agrementValidUntil < parisDay(new Date()) ? { field: 'input.agrementValidUntil', message: 'The agrément has expired' } : null,
    );
    if (problem) throw badUserInput(problem.field, problem.message);
    const values = { name: input.name.trim(), agrementNumber: input.agrementNumber, capacity: input.capacity, relaisId: viewer.institution, agrementValidUntil: input.agrementValidUntil };
    return context.dataSource.transaction(async (manager) => {
      // ON CONFLICT DO NOTHING covers both unique columns: a known key, or a known agrément.
      await manager
        .createQueryBuilder()
        .insert()
        .into(Childminder)
        .values({ id: `childminder-${randomUUID()}`, ...values, idempotencyKey: input.idempotencyKey })
        .orIgnore()
        .execute();
      const childminder = await manager.getRepository(Childminder).findOneBy({ idempotencyKey: input.idempotencyKey });
      if (!childminder) throw badUserInput('input.agrementNumber', 'This agrément number is already registered');
      // Another relais's key, or ours for another childminder (answering with the first one
      // would lose this registration unseen).
      if (!holdsValues(childminder, values)) throw keyAlreadyUsed();
      return childminder;
    });
  }
}
