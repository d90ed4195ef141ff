import { Role } from '../../../common/src/domain.js';
import type { DataSource } from 'typeorm';
import { AseAgent } from './entity/ase-agent.entity.js';
import { CripEvaluation, CripEvaluationStatus, CripOrigin } from './entity/crip-evaluation.entity.js';
import { Dossier } from './entity/dossier.entity.js';
import { Measure } from './entity/measure.entity.js';
import { Placement, PlacementKind } from './entity/placement.entity.js';
import { LegalBasis, MeasureKind } from './protection/measure-kind.js';

const SEED = 'seed';
const JULIEN = 'agent-ase-julien';

/** The demo scenario of DESIGN.md (fictional people and places). Upserts by stable id: re-runnable. */
export async function seedAseDemo(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.getRepository(AseAgent).upsert(
      [
        { id: JULIEN, name: 'Julien Moreau', role: Role.ASE_REFERENT, institution: 'ASE-75', phone: '01 00 00 00 12', email: 'julien.moreau@ase75.example' },
        { id: 'agent-ase-nathalie', name: 'Nathalie Roux', role: Role.ASE_MANAGER, institution: 'ASE-75', phone: '01 00 00 00 10', email: 'nathalie.roux@ase75.example' },
        { id: 'agent-crip-karim', name: 'Karim Benali', role: Role.CRIP_EVALUATOR, institution: 'ASE-75', phone: '01 00 00 00 19', email: 'karim.benali@ase75.example' },
      ],
      ['id'],
    );
    await manager.getRepository(Dossier).upsert(
      [
        { id: 'dossier-lea', childId: 'child-lea', institution: 'ASE-75', referentId: JULIEN, openedOn: '2025-08-20', closedOn: null, idempotencyKey: 'seed-dossier-lea', recordedBy: SEED },
        { id: 'dossier-ines', childId: 'child-ines', institution: 'ASE-75', referentId: JULIEN, openedOn: '2024-02-05', closedOn: null, idempotencyKey: 'seed-dossier-ines', recordedBy: SEED },
      ],
      ['id'],
    );
    const judicial = { legalBasis: LegalBasis.JUDICIAL, orderedBy: 'TJ-PARIS', recordedBy: SEED, endedBy: null };
    await manager.getRepository(Measure).upsert(
      [
        { id: 'measure-lea-aemo', dossierId: 'dossier-lea', childId: 'child-lea', kind: MeasureKind.AEMO, startDate: '2025-09-01', endDate: null, idempotencyKey: 'seed-measure-lea-aemo', ...judicial },
        { id: 'measure-ines-opp', dossierId: 'dossier-ines', childId: 'child-ines', kind: MeasureKind.OPP, startDate: '2024-02-05', endDate: '2024-02-18', idempotencyKey: 'seed-measure-ines-opp', ...judicial },
        {
          id: 'measure-ines-placement',
          dossierId: 'dossier-ines',
          childId: 'child-ines',
          kind: MeasureKind.PLACEMENT_JUDICIAIRE,
          startDate: '2024-02-19',
          endDate: null,
          idempotencyKey: 'seed-measure-ines-placement',
          ...judicial,
        },
      ],
      ['id'],
    );
    await manager.getRepository(Placement).upsert(
      {
        id: 'placement-ines',
        childId: 'child-ines',
        measureId: 'measure-ines-placement',
        kind: PlacementKind.FOSTER_FAMILY,
        since: '2024-02-19',
        until: null,
        caregiverName: 'Famille Rousseau (assistante familiale)',
        address: '12 rue des Lilas, 75020 Paris',
        idempotencyKey: 'seed-placement-ines',
        recordedBy: SEED,
      },
      ['id'],
    );
    await manager.getRepository(CripEvaluation).upsert(
      {
        id: 'eval-sacha',
        childId: 'child-sacha',
        institution: 'ASE-75',
        receivedOn: '2026-10-28',
        origin: CripOrigin.RPE,
        evaluatorId: 'agent-crip-karim',
        status: CripEvaluationStatus.OPEN,
        outcome: null,
        closedOn: null,
        idempotencyKey: 'seed-eval-sacha',
        recordedBy: SEED,
        closedBy: null,
      },
      ['id'],
    );
  });
}
