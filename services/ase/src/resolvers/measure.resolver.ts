import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { IsNull } from 'typeorm';
import { badUserInput, conflict, keyAlreadyUsed, notFound } from '../../../../common/src/errors.js';
import { requireViewer } from '../../../../common/src/subgraph/require-viewer.js';
import { sameChild } from '../../../../common/src/subgraph/same-child.js';
import type { AseContext } from '../context.js';
import { Dossier } from '../entity/dossier.entity.js';
import { Measure } from '../entity/measure.entity.js';
import { LegalBasis, legalBasisOf } from '../protection/measure-kind.js';
import { worksOnDossier, worksOnRecord } from '../relationships.js';
import { insertOnce } from './insert-once.js';
import { AddMeasureInput } from './types/add-measure.input.js';
import { EndMeasureInput } from './types/end-measure.input.js';

function checkAddMeasure(input: AddMeasureInput): void {
  const judicial = legalBasisOf(input.kind) === LegalBasis.JUDICIAL;
  if (judicial && !input.orderedBy) throw badUserInput('input.orderedBy', 'A judicial measure needs the ordering court');
  if (!judicial && input.orderedBy) throw badUserInput('input.orderedBy', 'An administrative measure is not ordered by a court');
  if (input.endDate && input.endDate < input.startDate) throw badUserInput('input.endDate', 'Must not precede startDate');
}

@Resolver(() => Measure)
export class MeasureResolver {
  /** Adds a measure to the child's open dossier. Idempotent on `idempotencyKey`. */
  @Mutation(() => Measure, { description: 'Adds a measure to the child’s open dossier; idempotent on input.idempotencyKey' })
  async addMeasure(@Arg('input', () => AddMeasureInput) input: AddMeasureInput, @Ctx() context: AseContext): Promise<Measure> {
    const viewer = requireViewer(context);
    checkAddMeasure(input);
    return context.dataSource.transaction(async (manager) => {
      const existing = sameChild(await manager.getRepository(Measure).findOneBy({ idempotencyKey: input.idempotencyKey }), input);
      if (existing) {
        // A retry is answered with the writer's own casework only: another département's
        // measure of this child, found under its key, is neither handed over nor dated.
        if (!(await worksOnDossier(manager, viewer, existing.dossierId))) throw keyAlreadyUsed();
        return existing;
      }
      // Locked (shared) until this transaction ends: a closeDossier waits for this measure and
      // then sees it, or closes first and this finds no open dossier (re-read after its commit).
      const dossier = await manager.getRepository(Dossier).findOne({ where: { childId: input.childId, closedOn: IsNull() }, lock: { mode: 'pessimistic_read' } });
      // Another département's dossier of a child the viewer relates to is answered as none.
      if (!dossier || !worksOnRecord(viewer, { kind: 'dossier', ...dossier })) throw badUserInput('input.childId', 'The child has no open dossier');
      const saved = await insertOnce(manager, Measure, {
        id: `measure-${randomUUID()}`,
        dossierId: dossier.id,
        childId: input.childId,
        kind: input.kind,
        legalBasis: legalBasisOf(input.kind),
        orderedBy: input.orderedBy ?? null,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        idempotencyKey: input.idempotencyKey,
        recordedBy: viewer.agentId,
      });
      // Only the idempotency key can refuse this row, and then it is found by that key.
      if (!saved) throw conflict('The measure could not be recorded');
      // A concurrent write of another dossier won the key: not ours to answer with.
      if (saved.dossierId !== dossier.id) throw keyAlreadyUsed();
      return saved;
    });
  }

  /**
   * Sets the end of a measure (early end, mainlevée, or a planned end). Same date twice is a
   * no-op; a measure whose end is already past is history and is not rewritten (CONFLICT).
   */
  @Mutation(() => Measure, { description: 'Sets the end date of a measure; repeating the same date is harmless' })
  async endMeasure(@Arg('input', () => EndMeasureInput) input: EndMeasureInput, @Ctx() context: AseContext): Promise<Measure> {
    const viewer = requireViewer(context);
    return context.dataSource.transaction(async (manager) => {
      const measures = manager.getRepository(Measure);
      const measure = await measures.findOne({ where: { id: input.measureId }, lock: { mode: 'pessimistic_write' } });
      // Its dossier with a shared lock, as addMeasure (closeDossier takes it exclusively): a
      // close and an end of one of its measures run one after the other, and this reads the
      // dossier as the close left it.
      const dossier = measure && (await manager.getRepository(Dossier).findOne({ where: { id: measure.dossierId }, lock: { mode: 'pessimistic_read' } }));
      // Another institution's measure is not to be confirmed to exist, nor its dates read off.
      if (!measure || !dossier || !worksOnRecord(viewer, { kind: 'dossier', ...dossier })) throw notFound('Measure', 'input.measureId');
      if (measure.endDate === input.endDate) return measure;
      if (input.endDate < measure.startDate) throw badUserInput('input.endDate', 'Must not precede the start of the measure');
      if (measure.endDate !== null && measure.endDate < context.today) throw conflict('The measure has already ended');
      // A closed dossier holds no measure in force after its close (closeDossier).
      if (dossier.closedOn !== null && input.endDate > dossier.closedOn) throw badUserInput('input.endDate', 'Must not be after the closing of the dossier');
      await measures.update({ id: measure.id }, { endDate: input.endDate, endedBy: viewer.agentId });
      return measures.findOneByOrFail({ id: measure.id });
    });
  }
}
