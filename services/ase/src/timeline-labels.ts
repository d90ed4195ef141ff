import { CripEvaluationOutcome } from './entity/crip-evaluation.entity.js';
import { PlacementKind } from './entity/placement.entity.js';
import { MeasureKind } from './protection/measure-kind.js';

/** French names of measures, with their grammatical gender for agreement ("ordonnée"/"ordonné"). */
export const MEASURE_LABELS: Record<MeasureKind, { label: string; feminine: boolean }> = {
  [MeasureKind.AED]: { label: 'AED', feminine: true },
  [MeasureKind.ACCUEIL_PROVISOIRE]: { label: 'accueil provisoire', feminine: false },
  [MeasureKind.AEMO]: { label: 'AEMO', feminine: true },
  [MeasureKind.PLACEMENT_JUDICIAIRE]: { label: 'placement judiciaire', feminine: false },
  [MeasureKind.TIERS_DIGNE_DE_CONFIANCE]: { label: 'confiement à un tiers digne de confiance', feminine: false },
  [MeasureKind.OPP]: { label: 'OPP', feminine: true },
};

export const OUTCOME_LABELS: Record<CripEvaluationOutcome, string> = {
  [CripEvaluationOutcome.NO_DANGER]: 'absence de danger',
  [CripEvaluationOutcome.ADMINISTRATIVE_MEASURE]: 'mesure administrative',
  [CripEvaluationOutcome.JUDICIAL_REFERRAL]: 'saisine du juge des enfants',
};

/** Kinds only: the place and the people are PLACEMENT_LOCATION and never appear in a summary. */
export const PLACEMENT_LABELS: Record<PlacementKind, string> = {
  [PlacementKind.FOSTER_FAMILY]: 'famille d’accueil',
  [PlacementKind.CHILDRENS_HOME]: 'établissement d’accueil',
  [PlacementKind.TRUSTED_THIRD_PARTY]: 'tiers digne de confiance',
  [PlacementKind.OTHER]: 'autre lieu d’accueil',
};

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
