import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { IsNull, LessThan, Not } from 'typeorm';
import { badUserInput, conflict, keyAlreadyUsed } from '../../../../common/src/errors.js';
import { requireViewer } from '../../../../common/src/subgraph/require-viewer.js';
import { sameChild } from '../../../../common/src/subgraph/same-child.js';
import { addDays } from '../clock.js';
import type { AseContext } from '../context.js';
import { Measure } from '../entity/measure.entity.js';
import { Placement } from '../entity/placement.entity.js';
import { PLACEMENT_MEASURE_KINDS } from '../protection/measure-kind.js';
import { worksOnDossier } from '../relationships.js';
import { insertOnce } from './insert-once.js';
import { RecordPlacementInput } from './types/record-placement.input.js';

@Resolver(() => Placement)
export class PlacementResolver {
  /**
   * Records where the child lives under a placement measure. A child lives in one place at a
   * time, so an earlier open-ended placement ends the day before. Idempotent on the key.
   */
  @Mutation(() => Placement, { description: 'Records where the child lives under a placement measure; idempotent on input.idempotencyKey' })
  async recordPlacement(@Arg('input', () => RecordPlacementInput) input: RecordPlacementInput, @Ctx() context: AseContext): Promise<Placement> {
    const viewer = requireViewer(context);
    return context.dataSource.transaction(async (manager) => {
      const placements = manager.getRepository(Placement);
      const existing = sameChild(await placements.findOneBy({ idempotencyKey: input.idempotencyKey }), input);
      if (existing) {
        // A retry is answered with the writer's own casework only: another département's
        // placement of this child (its address) is not handed over under its key.
        const existingMeasure = await manager.getRepository(Measure).findOneBy({ id: existing.measureId });
        if (!existingMeasure || !(await worksOnDossier(manager, viewer, existingMeasure.dossierId))) throw keyAlreadyUsed();
        return existing;
      }
      const measure = await manager.getRepository(Measure).findOneBy({ id: input.measureId });
      // Another département's measure of a child the viewer relates to is answered as none.
      if (!measure || !(await worksOnDossier(manager, viewer, measure.dossierId)) || measure.childId !== input.childId || !PLACEMENT_MEASURE_KINDS.has(measure.kind)) {
        throw badUserInput('input.measureId', 'Not a placement measure of this child');
      }
      if (input.since < measure.startDate) throw badUserInput('input.since', 'Must not precede the start of the measure');
      // A placement starting after its measure ended is under no decision, and would still close
      // the child's placement in force (below), wherever it was recorded.
      if (measure.endDate !== null && input.since > measure.endDate) throw badUserInput('input.since', 'Must not follow the end of the measure');
      const saved = await insertOnce(manager, Placement, {
        id: `placement-${randomUUID()}`,
        childId: input.childId,
        measureId: measure.id,
        kind: input.kind,
        since: input.since,
        until: null,
        caregiverName: input.caregiverName,
        address: input.address,
        idempotencyKey: input.idempotencyKey,
        recordedBy: viewer.agentId,
      });
      if (!saved) throw conflict('The placement could not be recorded');
      // A concurrent write under another measure won the key: not ours to answer with.
      if (saved.measureId !== measure.id) throw keyAlreadyUsed();
      // Re-running this (a concurrent retry) sets the same dates again: harmless.
      await placements.update(
        { childId: input.childId, until: IsNull(), since: LessThan(input.since), id: Not(saved.id) },
        { until: addDays(input.since, -1) },
      );
      return saved;
    });
  }
}
