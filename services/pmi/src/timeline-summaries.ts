import { HealthCheckKind } from './entity/health-check.entity.js';

const CHECK_LABELS: Record<HealthCheckKind, string> = {
  [HealthCheckKind.DAY_8]: 'Certificat du 8e jour',
  [HealthCheckKind.MONTH_9]: 'Certificat du 9e mois',
  [HealthCheckKind.MONTH_24]: 'Certificat du 24e mois',
  [HealthCheckKind.YEAR_3_4]: 'Bilan de santé de 3-4 ans',
};

/** A timeline line is one line: longer findings are cut, the full text stays in the record. */
export const MAX_FINDINGS_IN_SUMMARY = 160;

/** `Certificat du 9e mois : <findings>`, HEALTH_DETAILS like the findings it quotes. */
export function healthCheckSummary(kind: HealthCheckKind, findings: string): string {
  const oneLine = findings.replace(/\s+/g, ' ').trim();
  const shown = oneLine.length > MAX_FINDINGS_IN_SUMMARY ? `${oneLine.slice(0, MAX_FINDINGS_IN_SUMMARY - 1).trimEnd()}…` : oneLine;
  return `${CHECK_LABELS[kind]} : ${shown}`;
}

/** HEALTH_FOLLOW_UP: who follows, never why. */
export function followUpStartedSummary(institution: string): string {
  return `Début du suivi PMI (${institution})`;
}

/** HEALTH_FOLLOW_UP: the fact of the visit only; the notes are HEALTH_DETAILS. */
export const HOME_VISIT_SUMMARY = 'Visite à domicile de la puéricultrice';
