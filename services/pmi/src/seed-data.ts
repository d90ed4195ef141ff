import { FollowUpStatus } from './entity/follow-up.entity.js';
import { HealthCheckKind } from './entity/health-check.entity.js';
import { PmiRole } from './entity/pmi-agent.entity.js';
import { VaccinationState } from './entity/vaccination.entity.js';

// The demo scenario of DESIGN.md. Every person, phone, e-mail and note is fictional.
const CLAIRE = 'agent-pmi-claire';
const HUGO = 'agent-pmi-hugo';

export const SEED_AGENTS = [
  { id: CLAIRE, name: 'Claire Dubois', role: PmiRole.PMI_NURSE, institution: 'PMI-75', phone: '01 00 00 00 21', email: 'claire.dubois@pmi75.example' },
  { id: HUGO, name: 'Hugo Lefèvre', role: PmiRole.PMI_NURSE, institution: 'PMI-75', phone: '01 00 00 00 22', email: 'hugo.lefevre@pmi75.example' },
];

const followUp = (id: string, childId: string, nurseId: string, since: string) => ({
  id, childId, institution: 'PMI-75', nurseId, since, status: FollowUpStatus.ACTIVE, closedOn: null,
  startedBy: nurseId, closedBy: null, idempotencyKey: `seed-${id}`,
});
export const SEED_FOLLOW_UPS = [
  followUp('followup-lea', 'child-lea', CLAIRE, '2023-04-20'),
  followUp('followup-noah', 'child-noah', CLAIRE, '2022-11-10'),
  followUp('followup-ines', 'child-ines', HUGO, '2021-07-01'),
];

const visit = (id: string, followUpId: string, childId: string, visitedOn: string, notes: string) => ({
  id, followUpId, childId, visitedOn, nurseId: CLAIRE, notes, idempotencyKey: `seed-${id}`,
});
export const SEED_VISITS = [
  visit('visit-lea-1', 'followup-lea', 'child-lea', '2023-04-25', 'Visite de retour à domicile après la naissance ; alimentation en place, conseils donnés (texte fictif).'),
  visit('visit-lea-2', 'followup-lea', 'child-lea', '2023-06-10', 'Pesée et échange sur le rythme de sommeil (texte fictif).'),
  visit('visit-lea-3', 'followup-lea', 'child-lea', '2025-10-15', 'Échange avec la famille sur le langage et les repas (texte fictif).'),
  visit('visit-noah-1', 'followup-noah', 'child-noah', '2024-12-02', 'Point sur le développement après le certificat du 24e mois (texte fictif).'),
];

const check = (id: string, childId: string, kind: HealthCheckKind, checkedOn: string, findings: string, examinerName: string | null, recordedBy: string) => ({
  id, childId, kind, checkedOn, findings, examinerName, recordedBy, idempotencyKey: `seed-${id}`,
});
export const SEED_CHECKS = [
  check('check-lea-day8', 'child-lea', HealthCheckKind.DAY_8, '2023-04-20', 'Examen du 8e jour sans particularité', 'Dr Anne Rivière', CLAIRE),
  check('check-lea-month9', 'child-lea', HealthCheckKind.MONTH_9, '2024-01-12', 'Développement harmonieux, courbe de poids normale', null, CLAIRE),
  check('check-lea-month24', 'child-lea', HealthCheckKind.MONTH_24, '2025-04-14', 'Langage en place, motricité adaptée à l’âge', 'Dr Paul Mercier', CLAIRE),
  check('check-noah-month9', 'child-noah', HealthCheckKind.MONTH_9, '2023-08-05', 'Développement harmonieux, courbe de poids normale', null, CLAIRE),
  check('check-noah-month24', 'child-noah', HealthCheckKind.MONTH_24, '2024-11-05', 'Bon développement psychomoteur', null, CLAIRE),
  check('check-ines-month9', 'child-ines', HealthCheckKind.MONTH_9, '2022-03-21', 'Développement harmonieux', null, HUGO),
  check('check-ines-month24', 'child-ines', HealthCheckKind.MONTH_24, '2023-06-22', 'Croissance régulière, sommeil à surveiller', null, HUGO),
  check('check-ines-year34', 'child-ines', HealthCheckKind.YEAR_3_4, '2025-01-15', 'Bilan visuel et auditif normal', 'Dr Paul Mercier', HUGO),
];

export const SEED_VACCINATIONS = [
  { childId: 'child-lea', status: VaccinationState.UP_TO_DATE, details: null, updatedOn: '2025-04-14', recordedBy: CLAIRE },
  { childId: 'child-noah', status: VaccinationState.UP_TO_DATE, details: null, updatedOn: '2024-11-05', recordedBy: CLAIRE },
  { childId: 'child-ines', status: VaccinationState.LATE, details: 'Rappel à programmer (texte fictif)', updatedOn: '2025-01-15', recordedBy: HUGO },
];
