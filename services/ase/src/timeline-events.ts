import { DataCategory } from '../../../common/src/domain.js';
import type { TimelineEventRecord } from '../../../common/src/federation/timeline-events.js';
import type { CripEvaluation } from './entity/crip-evaluation.entity.js';
import type { Dossier } from './entity/dossier.entity.js';
import type { Measure } from './entity/measure.entity.js';
import type { Placement } from './entity/placement.entity.js';
import { LegalBasis } from './protection/measure-kind.js';
import { capitalize, MEASURE_LABELS, OUTCOME_LABELS, PLACEMENT_LABELS } from './timeline-labels.js';

export interface TimelineFacts {
  dossiers: ReadonlyArray<Pick<Dossier, 'childId' | 'openedOn' | 'institution'>>;
  measures: ReadonlyArray<Pick<Measure, 'childId' | 'kind' | 'legalBasis' | 'orderedBy' | 'startDate' | 'endDate'>>;
  placements: ReadonlyArray<Pick<Placement, 'childId' | 'kind' | 'since'>>;
  evaluations: ReadonlyArray<Pick<CripEvaluation, 'childId' | 'receivedOn' | 'origin' | 'outcome' | 'closedOn'>>;
}

/** Events are dated by calendar day: midnight UTC of that day. */
function at(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

function measureOpened(measure: TimelineFacts['measures'][number]): string {
  const { label, feminine } = MEASURE_LABELS[measure.kind];
  const e = feminine ? 'e' : '';
  if (measure.legalBasis === LegalBasis.JUDICIAL) return `${capitalize(label)} ordonné${e} par ${measure.orderedBy ?? 'le juge des enfants'}`;
  return `${capitalize(label)} mis${e} en place (mesure administrative)`;
}

type Event = Omit<TimelineEventRecord, 'category'>;

/**
 * The ASE's dated facts about children as timeline events. Pure. A measure's end is an event
 * only once it has happened (`endDate <= today`); planned ends are not history yet. The
 * origin of an information préoccupante stays out of summaries: "relais petite enfance"
 * all but names the reporter, which is REPORTER_IDENTITY.
 */
export function toTimelineEvents(facts: TimelineFacts, today: string): TimelineEventRecord[] {
  const details = (event: Event): TimelineEventRecord => ({ ...event, category: DataCategory.PROTECTION_DETAILS });
  return [
    ...facts.evaluations.flatMap((evaluation) => [
      details({ childId: evaluation.childId, at: at(evaluation.receivedOn), kind: 'INFORMATION_PREOCCUPANTE_RECEIVED', summary: 'Information préoccupante reçue par la CRIP' }),
      ...(evaluation.closedOn && evaluation.outcome
        ? [details({ childId: evaluation.childId, at: at(evaluation.closedOn), kind: 'EVALUATION_CLOSED', summary: `Évaluation clôturée : ${OUTCOME_LABELS[evaluation.outcome]}` })]
        : []),
    ]),
    ...facts.dossiers.map((dossier) =>
      details({ childId: dossier.childId, at: at(dossier.openedOn), kind: 'DOSSIER_OPENED', summary: `Ouverture du dossier ASE (${dossier.institution})` }),
    ),
    ...facts.measures.flatMap((measure) => [
      details({ childId: measure.childId, at: at(measure.startDate), kind: 'MEASURE_OPENED', summary: measureOpened(measure) }),
      ...(measure.endDate && measure.endDate <= today
        ? [details({ childId: measure.childId, at: at(measure.endDate), kind: 'MEASURE_CLOSED', summary: `Fin de la mesure : ${MEASURE_LABELS[measure.kind].label}` })]
        : []),
    ]),
    ...facts.placements.map((placement) => ({
      childId: placement.childId,
      at: at(placement.since),
      kind: 'PLACEMENT_STARTED',
      summary: `Début du placement : ${PLACEMENT_LABELS[placement.kind]}`,
      category: DataCategory.PLACEMENT_LOCATION,
    })),
  ];
}
