import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { badUserInput, conflict } from '../../../../common/src/errors.js';
import { requireViewer } from '../../../../common/src/subgraph/require-viewer.js';
import { isFutureDay } from '../../../../common/src/calendar.js';
import type { PmiContext } from '../context.js';
import { Vaccination } from '../entity/vaccination.entity.js';
import { UpdateVaccinationStatusInput } from './types/update-vaccination-status.input.js';

// Writes only a status assessed on the same day or later, and only when something changes:
// a repeated call keeps the first writer's attribution, an older assessment never wins.
const UPSERT = `
  INSERT INTO vaccination (child_id, status, details, updated_on, recorded_by, recorded_at)
  VALUES ($1, $2, $3, $4, $5, now())
  ON CONFLICT (child_id) DO UPDATE
    SET status = EXCLUDED.status, details = EXCLUDED.details, updated_on = EXCLUDED.updated_on,
        recorded_by = EXCLUDED.recorded_by, recorded_at = now()
    WHERE vaccination.updated_on <= EXCLUDED.updated_on
      AND (vaccination.status, vaccination.details, vaccination.updated_on)
          IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.details, EXCLUDED.updated_on)`;

@Resolver(() => Vaccination)
export class VaccinationResolver {
  /** Upserts the child's vaccination status (idempotent by nature). */
  @Mutation(() => Vaccination)
  async updateVaccinationStatus(
    @Arg('input', () => UpdateVaccinationStatusInput) input: UpdateVaccinationStatusInput,
    @Ctx() context: PmiContext,
  ): Promise<Vaccination> {
    const viewer = requireViewer(context);
    if (isFutureDay(input.updatedOn)) throw badUserInput('input.updatedOn', 'Must not be in the future');
    return context.dataSource.transaction(async (manager) => {
      await manager.query(UPSERT, [input.childId, input.status, input.details ?? null, input.updatedOn, viewer.agentId]);
      const stored = await manager.getRepository(Vaccination).findOneByOrFail({ childId: input.childId });
      if (stored.updatedOn > input.updatedOn) throw conflict('A more recent vaccination status is recorded');
      return stored;
    });
  }
}
