import { ConcernCategory, Severity } from '../entity/concern.enums.js';

const CATEGORY_LABELS: Record<ConcernCategory, string> = {
  [ConcernCategory.SAFETY]: 'sécurité',
  [ConcernCategory.HYGIENE]: 'hygiène',
  [ConcernCategory.OVERCAPACITY]: 'sureffectif',
  [ConcernCategory.NEGLECT]: 'négligence',
  [ConcernCategory.VIOLENCE]: 'violence',
  [ConcernCategory.OTHER]: 'autre',
};

const SEVERITY_LABELS: Record<Severity, string> = {
  [Severity.LOW]: 'faible',
  [Severity.MEDIUM]: 'moyenne',
  [Severity.HIGH]: 'élevée',
  [Severity.URGENT]: 'urgente',
};

/**
 * CHILDCARE lines name the relais, never the childminder nor the family: the timeline is
 * read alongside other institutions' events.
 */
export function childcareSummary(event: 'STARTED' | 'ENDED', relaisId: string): string {
  return event === 'STARTED'
    ? `Accueil chez une assistante maternelle (${relaisId})`
    : `Fin d’accueil chez une assistante maternelle (${relaisId})`;
}

/**
 * A CONCERN line carries category and severity only: the description is the reporter's
 * own account and the reporter (person or relais) is REPORTER_IDENTITY, more sensitive.
 */
export function concernSummary(category: ConcernCategory, severity: Severity): string {
  return `Préoccupation transmise à la CRIP : ${CATEGORY_LABELS[category]}, gravité ${SEVERITY_LABELS[severity]}`;
}
