import type { DataSource } from 'typeorm';
import { CourtCase } from './entity/court-case.entity.js';
import { CourtDecision, DecisionKind, OrderedMeasure } from './entity/court-decision.entity.js';

/** The demo scenario of DESIGN.md (fictional people). Upserts by stable id: re-runnable. */
export async function seedJusticeDemo(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.getRepository(CourtCase).upsert(
      [
        { id: 'case-lea', childId: 'child-lea', court: 'TJ-PARIS', judgeId: 'agent-tj-helene', openedOn: '2025-08-18', closedOn: null, idempotencyKey: 'seed-case-lea' },
        { id: 'case-ines', childId: 'child-ines', court: 'TJ-PARIS', judgeId: 'agent-tj-helene', openedOn: '2024-02-05', closedOn: null, idempotencyKey: 'seed-case-ines' },
      ],
      ['id'],
    );
    await manager.getRepository(CourtDecision).upsert(
      [
        {
          id: 'decision-lea-aemo',
          caseId: 'case-lea',
          childId: 'child-lea',
          court: 'TJ-PARIS',
          kind: DecisionKind.AEMO_JUDGMENT,
          decidedAt: '2025-09-01',
          effectiveUntil: '2026-08-31',
          measureOrdered: OrderedMeasure.AEMO,
          content: 'Ordonne une mesure d’assistance éducative en milieu ouvert pour une durée de douze mois (texte fictif).',
          idempotencyKey: 'seed-decision-lea-aemo',
        },
        {
          id: 'decision-ines-opp',
          caseId: 'case-ines',
          childId: 'child-ines',
          court: 'TJ-PARIS',
          kind: DecisionKind.OPP,
          decidedAt: '2024-02-05',
          effectiveUntil: '2024-02-20',
          measureOrdered: OrderedMeasure.PLACEMENT,
          content: 'Ordonnance de placement provisoire à l’ASE de Paris (texte fictif).',
          idempotencyKey: 'seed-decision-ines-opp',
        },
        {
          id: 'decision-ines-placement',
          caseId: 'case-ines',
          childId: 'child-ines',
          court: 'TJ-PARIS',
          kind: DecisionKind.PLACEMENT_JUDGMENT,
          decidedAt: '2024-02-19',
          effectiveUntil: '2026-02-18',
          measureOrdered: OrderedMeasure.PLACEMENT,
          content: 'Confie l’enfant au service de l’ASE de Paris, placement en famille d’accueil (texte fictif).',
          idempotencyKey: 'seed-decision-ines-placement',
        },
        {
          id: 'decision-ines-renewal',
          caseId: 'case-ines',
          childId: 'child-ines',
          court: 'TJ-PARIS',
          kind: DecisionKind.RENEWAL,
          decidedAt: '2026-02-12',
          effectiveUntil: '2028-02-11',
          measureOrdered: OrderedMeasure.PLACEMENT,
          content: 'Renouvelle le placement pour deux ans (texte fictif).',
          idempotencyKey: 'seed-decision-ines-renewal',
        },
      ],
      ['id'],
    );
  });
}
