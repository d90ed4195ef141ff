import { LegalBasis, legalBasisOf, type MeasureKind } from './measure-kind.js';
import { ProtectionLevel } from './protection-level.js';

/** What the ASE knows about one child that bears on its protection level. */
export interface ProtectionFacts {
  measures: ReadonlyArray<{ kind: MeasureKind; startDate: string; endDate: string | null }>;
  evaluations: ReadonlyArray<{ status: 'OPEN' | 'CLOSED'; receivedOn: string }>;
  /** Référent of the child's open dossier; null when no dossier is open. */
  openDossierReferentId: string | null;
}

export interface ComputedProtectionStatus {
  level: ProtectionLevel;
  since: string | null;
  referentId: string | null;
}

/** Both bounds inclusive: a measure ending today still applies today. */
export function isActiveOn(measure: { startDate: string; endDate: string | null }, today: string): boolean {
  return measure.startDate <= today && (measure.endDate === null || measure.endDate >= today);
}

function earliest(days: string[]): string | null {
  return days.length === 0 ? null : days.reduce((a, b) => (b < a ? b : a));
}

/**
 * The child's protection level on `today` (`YYYY-MM-DD`): the most serious of an active
 * judicial measure, an active administrative measure, an open CRIP evaluation. `since` is
 * when the winning level's oldest current fact began. Pure: no clock, no I/O.
 */
export function computeProtectionStatus(facts: ProtectionFacts, today: string): ComputedProtectionStatus {
  const referentId = facts.openDossierReferentId;
  const active = facts.measures.filter((measure) => isActiveOn(measure, today));
  for (const [basis, level] of [
    [LegalBasis.JUDICIAL, ProtectionLevel.JUDICIAL_MEASURE],
    [LegalBasis.ADMINISTRATIVE, ProtectionLevel.ADMINISTRATIVE_MEASURE],
  ] as const) {
    const starts = active.filter((measure) => legalBasisOf(measure.kind) === basis).map((measure) => measure.startDate);
    if (starts.length > 0) return { level, since: earliest(starts), referentId };
  }
  const received = facts.evaluations.filter((evaluation) => evaluation.status === 'OPEN').map((evaluation) => evaluation.receivedOn);
  if (received.length > 0) return { level: ProtectionLevel.EVALUATION_IN_PROGRESS, since: earliest(received), referentId };
  return { level: ProtectionLevel.NONE, since: null, referentId };
}
