import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { badUserInput } from '../../../../common/src/errors.js';
import { requireViewer } from '../../../../common/src/subgraph/require-viewer.js';
import { sameChild } from '../../../../common/src/subgraph/same-child.js';
import { isFutureDay } from '../../../../common/src/calendar.js';
import type { PmiContext } from '../context.js';
import { HealthCheck } from '../entity/health-check.entity.js';
import { insertOnceOrFail } from './insert-once.js';
import { RecordHealthCheckInput } from './types/record-health-check.input.js';

@Resolver(() => HealthCheck)
export class HealthCheckResolver {
  /**
   * Records a health certificate or check; no follow-up is needed (the certificate may come
   * from a private doctor). Idempotent on `idempotencyKey`.
   */
  @Mutation(() => HealthCheck)
  async recordHealthCheck(@Arg('input', () => RecordHealthCheckInput) input: RecordHealthCheckInput, @Ctx() context: PmiContext): Promise<HealthCheck> {
    const viewer = requireViewer(context);
    if (isFutureDay(input.checkedOn)) throw badUserInput('input.checkedOn', 'Must not be in the future');
    return context.dataSource.transaction(async (manager) => {
      const existing = sameChild(await manager.getRepository(HealthCheck).findOneBy({ idempotencyKey: input.idempotencyKey }), input);
      if (existing) return existing;
      return insertOnceOrFail(manager, HealthCheck, {
        id: `check-${crypto.randomUUID()}`,
        childId: input.childId,
        kind: input.kind,
        checkedOn: input.checkedOn,
        findings: input.findings,
        examinerName: input.examinerName ?? null,
        recordedBy: viewer.agentId,
        idempotencyKey: input.idempotencyKey,
      });
    });
  }
}
