import { DataCategory } from '../../../common/src/domain';
import { CripEvaluationOutcome, CripOrigin } from './entity/crip-evaluation.entity';
import { PlacementKind } from './entity/placement.entity';
import { LegalBasis, MeasureKind } from './protection/measure-kind';
import { type TimelineFacts, toTimelineEvents } from './timeline-events';

const TODAY = '2026-11-23';
const empty: TimelineFacts = { dossiers: [], measures: [], placements: [], evaluations: [] };
const measure = (kind: MeasureKind, legalBasis: LegalBasis, orderedBy: string | null, startDate: string, endDate: string | null = null) => ({
  childId: 'c',
  kind,
  legalBasis,
  orderedBy,
  startDate,
  endDate,
});
const event = (day: string, kind: string, summary: string, category = DataCategory.PROTECTION_DETAILS) => ({
  childId: 'c',
  at: new Date(`${day}T00:00:00.000Z`),
  kind,
  summary,
  category,
});

describe('toTimelineEvents', () => {
  it.each<[string, Partial<TimelineFacts>, ReturnType<typeof event>[]]>([
    ['nothing', {}, []],
    ['a dossier opened', { dossiers: [{ childId: 'c', openedOn: '2025-08-20', institution: 'ASE-75' }] }, [event('2025-08-20', 'DOSSIER_OPENED', 'Ouverture du dossier ASE (ASE-75)')]],
    [
      'a judicial measure names its kind and court',
      { measures: [measure(MeasureKind.AEMO, LegalBasis.JUDICIAL, 'TJ-PARIS', '2025-09-01')] },
      [event('2025-09-01', 'MEASURE_OPENED', 'AEMO ordonnée par TJ-PARIS')],
    ],
    [
      'an ended measure also closes; agreement in gender',
      { measures: [measure(MeasureKind.PLACEMENT_JUDICIAIRE, LegalBasis.JUDICIAL, 'TJ-PARIS', '2024-02-19', '2026-02-18')] },
      [event('2024-02-19', 'MEASURE_OPENED', 'Placement judiciaire ordonné par TJ-PARIS'), event('2026-02-18', 'MEASURE_CLOSED', 'Fin de la mesure : placement judiciaire')],
    ],
    [
      'a planned end is not an event yet',
      { measures: [measure(MeasureKind.AED, LegalBasis.ADMINISTRATIVE, null, '2026-01-01', '2026-12-31')] },
      [event('2026-01-01', 'MEASURE_OPENED', 'AED mise en place (mesure administrative)')],
    ],
    [
      'an end today is an event',
      { measures: [measure(MeasureKind.ACCUEIL_PROVISOIRE, LegalBasis.ADMINISTRATIVE, null, '2026-01-01', TODAY)] },
      [event('2026-01-01', 'MEASURE_OPENED', 'Accueil provisoire mis en place (mesure administrative)'), event(TODAY, 'MEASURE_CLOSED', 'Fin de la mesure : accueil provisoire')],
    ],
    [
      'an open then a closed evaluation',
      {
        evaluations: [
          { childId: 'c', receivedOn: '2026-10-28', origin: CripOrigin.RPE, outcome: null, closedOn: null },
          { childId: 'c', receivedOn: '2025-01-10', origin: CripOrigin.PHONE_119, outcome: CripEvaluationOutcome.NO_DANGER, closedOn: '2025-03-01' },
        ],
      },
      [
        event('2026-10-28', 'INFORMATION_PREOCCUPANTE_RECEIVED', 'Information préoccupante reçue par la CRIP'),
        event('2025-01-10', 'INFORMATION_PREOCCUPANTE_RECEIVED', 'Information préoccupante reçue par la CRIP'),
        event('2025-03-01', 'EVALUATION_CLOSED', 'Évaluation clôturée : absence de danger'),
      ],
    ],
    [
      'a placement gives its kind only, under PLACEMENT_LOCATION',
      { placements: [{ childId: 'c', kind: PlacementKind.FOSTER_FAMILY, since: '2024-02-19' }] },
      [event('2024-02-19', 'PLACEMENT_STARTED', 'Début du placement : famille d’accueil', DataCategory.PLACEMENT_LOCATION)],
    ],
  ])('%s', (_label, facts, expected) => {
    expect(toTimelineEvents({ ...empty, ...facts }, TODAY)).toEqual(expected);
  });
});
