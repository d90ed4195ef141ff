import { addDays, createRng, type Rng } from '../lib/rng.js';

/** Rows per table, per database, in column order of `TABLES` (bench/data/tables.ts). */
export type Rows = Record<string, unknown[][]>;
export interface Dataset {
  hub: Rows;
  ase: Rows;
  pmi: Rows;
  rpe: Rows;
  justice: Rows;
  summary: Record<string, number>;
}

/** Dates are relative to this day, not to the clock, so a seed always gives the same rows. */
export const REFERENCE_DAY = '2026-11-01';
const FIRST_NAMES = ['Léa', 'Noah', 'Inès', 'Sacha', 'Jade', 'Louis', 'Emma', 'Gabriel', 'Louise', 'Raphaël', 'Alice', 'Arthur', 'Mila', 'Jules', 'Rose', 'Adam'];
const LAST_NAMES = ['Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Lefebvre', 'Leroy', 'Roux', 'David'];
const SCHEDULE = 'lun.–ven. 8h30–17h30';

/** Who the benchmark asks as, and which fixed children it asks about (independent of N). */
export const FIXTURES = {
  nurse: 'bench-nurse-0',
  timelineChild: 'bf-timeline',
  timelineReferent: 'bench-fx-timeline-referent',
  listReferent: (size: number) => `bench-fx-list-${size}`,
  listSizes: [1, 10, 100, 1_000] as const,
  authzNurse: (deniedPercent: number) => `bench-fx-authz-${deniedPercent}`,
  authzDenied: [0, 10, 50] as const,
  flagCoordinator: 'bench-fx-rpe-coordinator',
  flagRelais: 'RPE-92-01',
  flagChild: 'bf-flag-0',
  crip: 'agent-crip-karim',
};

/** acknowledged_at/by, evaluation_started_at/by, closed_at/by, outcome: consistent with the status. */
function concernProgress(raisedAt: string, status: string): unknown[] {
  const at = (days: number) => new Date(`${addDays(raisedAt, days)}T10:00:00Z`);
  const step = ['SUBMITTED', 'ACKNOWLEDGED', 'UNDER_EVALUATION', 'CLOSED'].indexOf(status);
  return [
    step >= 1 ? at(1) : null, step >= 1 ? FIXTURES.crip : null,
    step >= 2 ? at(2) : null, step >= 2 ? FIXTURES.crip : null,
    step >= 3 ? at(3) : null, step >= 3 ? FIXTURES.crip : null,
    step >= 3 ? 'Évaluation close (texte fictif).' : null,
  ];
}

class Builder {
  readonly hub: Rows = { child: [], consent: [] };
  readonly ase: Rows = { ase_agent: [], dossier: [], measure: [], placement: [], crip_evaluation: [] };
  readonly pmi: Rows = { pmi_agent: [], follow_up: [], home_visit: [], health_check: [] };
  readonly rpe: Rows = { relais: [], rpe_agent: [], childminder: [], childcare_arrangement: [], concern: [], concern_child: [] };
  readonly justice: Rows = { court_case: [], court_decision: [] };
  private sequence = 0;
  constructor(readonly rng: Rng) {}
  id(prefix: string): string {
    this.sequence += 1;
    return `${prefix}-${this.sequence}`;
  }
  child(id: string, birthDate: string): void {
    this.hub.child.push([id, this.rng.pick(FIRST_NAMES), this.rng.pick(LAST_NAMES), birthDate, `bench-${id}`]);
  }
  agent(db: 'ase' | 'pmi' | 'rpe', id: string, name: string, role: string, institution: string): void {
    this[db][`${db}_agent`].push([id, name, role, institution, '01 00 00 00 00', `${id}@bench.example`]);
  }
  dossier(childId: string, referentId: string, openedOn: string): string {
    const id = this.id('bdos');
    this.ase.dossier.push([id, childId, 'ASE-75', referentId, openedOn, null, `bench-${id}`, 'bench']);
    return id;
  }
  measure(dossierId: string, childId: string, kind: string, start: string, end: string | null): string {
    const id = this.id('bmes');
    const judicial = !['AED', 'ACCUEIL_PROVISOIRE'].includes(kind);
    this.ase.measure.push([id, dossierId, childId, kind, judicial ? 'JUDICIAL' : 'ADMINISTRATIVE', judicial ? 'TJ-PARIS' : null, start, end, `bench-${id}`, 'bench']);
    return id;
  }
  placement(childId: string, measureId: string, since: string): void {
    const id = this.id('bplc');
    this.ase.placement.push([id, childId, measureId, 'FOSTER_FAMILY', since, null, 'Famille d’accueil fictive', '1 rue Fictive, 75011 Paris', `bench-${id}`, 'bench']);
  }
  evaluation(childId: string, receivedOn: string, closed: boolean): void {
    const id = this.id('bcrip');
    this.ase.crip_evaluation.push([id, childId, 'ASE-75', receivedOn, this.rng.pick(['EDUCATION', 'HEALTH', 'RPE', 'PHONE_119']), FIXTURES.crip, closed ? 'CLOSED' : 'OPEN', closed ? 'NO_DANGER' : null, closed ? addDays(receivedOn, 60) : null, `bench-${id}`, 'bench', closed ? FIXTURES.crip : null]);
  }
  followUp(childId: string, nurseId: string, since: string): string {
    const id = this.id('bfu');
    this.pmi.follow_up.push([id, childId, 'PMI-75', nurseId, since, 'ACTIVE', null, 'bench', null, `bench-${id}`]);
    return id;
  }
  visit(followUpId: string, childId: string, nurseId: string, on: string): void {
    const id = this.id('bvis');
    this.pmi.home_visit.push([id, followUpId, childId, on, nurseId, 'Visite à domicile (texte fictif)', `bench-${id}`]);
  }
  check(childId: string, kind: string, on: string): void {
    const id = this.id('bchk');
    this.pmi.health_check.push([id, childId, kind, on, 'Développement harmonieux (texte fictif)', 'Dr Fictif', 'bench', `bench-${id}`]);
  }
  childcare(childId: string, childminderId: string, start: string, end: string | null): void {
    const id = this.id('barr');
    this.rpe.childcare_arrangement.push([id, childId, childminderId, start, end, SCHEDULE, `bench-${id}`]);
  }
  concern(childIds: string[], childminderId: string, relais: string, raisedAt: string, status: string): void {
    const id = this.id('bcon');
    const severity = this.rng.pick(['LOW', 'MEDIUM', 'HIGH', 'URGENT']);
    this.rpe.concern.push([id, `bench-${id}`, childminderId, this.rng.pick(['SAFETY', 'HYGIENE', 'NEGLECT', 'OTHER']), severity, addDays(raisedAt, -2), new Date(`${raisedAt}T09:00:00Z`), `bench-coord-${relais}`, relais, relais.split('-')[1], 'Observation préoccupante (texte fictif).', status, addDays(raisedAt, 90), ...concernProgress(raisedAt, status)]);
    for (const childId of childIds) this.rpe.concern_child.push([id, childId]);
  }
  decision(childId: string, kind: string, measure: string, on: string): void {
    const id = this.id('bdec');
    const caseId = `bcase-${childId}`;
    if (!this.justice.court_case.some((row) => row[0] === caseId)) this.justice.court_case.push([caseId, childId, 'TJ-PARIS', 'agent-tj-helene', on, `bench-${caseId}`]);
    this.justice.court_decision.push([id, caseId, childId, 'TJ-PARIS', kind, on, measure, 'Motifs et dispositif (texte fictif).', `bench-${id}`]);
  }
  consent(childId: string, categories: string[], role: string, revoked: boolean): void {
    const id = `00000000-0000-4000-8000-${String(this.hub.consent.length + 1).padStart(12, '0')}`;
    this.hub.consent.push([id, childId, categories, role, 'Parents (fictifs)', '2025-01-01', null, 'bench', revoked ? new Date('2026-06-01T00:00:00Z') : null, revoked ? 'bench' : null, `bench-consent-${id}`]);
  }
}

/** The realistic population: N children, agents spread as the issue asks. */
function population(b: Builder, children: number): void {
  const { rng } = b;
  const underSix: string[] = [];
  const ids: string[] = [];
  for (let index = 0; index < children; index += 1) {
    const id = `bc-${index}`;
    const ageDays = rng.int(0, 17 * 365);
    b.child(id, addDays(REFERENCE_DAY, -ageDays));
    ids.push(id);
    if (ageDays < 6 * 365) underSix.push(id);
  }
  // PMI: most under-6s followed, about 150 children per nurse; visits and age checks.
  const followed = underSix.filter(() => rng.chance(0.85));
  const nurses = Math.max(1, Math.round(followed.length / 150));
  for (let n = 0; n < nurses; n += 1) b.agent('pmi', `bench-nurse-${n}`, `Infirmière fictive ${n}`, 'PMI_NURSE', 'PMI-75');
  followed.forEach((childId, index) => {
    const nurse = `bench-nurse-${index % nurses}`;
    const since = addDays(REFERENCE_DAY, -rng.int(30, 2_000));
    const followUp = b.followUp(childId, nurse, since);
    for (let v = rng.int(0, 6); v > 0; v -= 1) b.visit(followUp, childId, nurse, addDays(since, rng.int(1, 25)));
    for (const kind of ['DAY_8', 'MONTH_9', 'MONTH_24']) if (rng.chance(0.7)) b.check(childId, kind, addDays(since, rng.int(1, 700)));
  });
  // ASE: a dossier with measures for about 1 in 10, about 30 dossiers per référent.
  const withDossier = ids.filter(() => rng.chance(0.1));
  const referents = Math.max(1, Math.round(withDossier.length / 30));
  for (let r = 0; r < referents; r += 1) b.agent('ase', `bench-referent-${r}`, `Référent fictif ${r}`, 'ASE_REFERENT', 'ASE-75');
  withDossier.forEach((childId, index) => {
    const opened = addDays(REFERENCE_DAY, -rng.int(60, 1_500));
    const dossier = b.dossier(childId, `bench-referent-${index % referents}`, opened);
    const kind = rng.pick(['AED', 'AEMO', 'AEMO', 'PLACEMENT_JUDICIAIRE', 'ACCUEIL_PROVISOIRE']);
    const measure = b.measure(dossier, childId, kind, addDays(opened, 20), null);
    if (kind === 'PLACEMENT_JUDICIAIRE') b.placement(childId, measure, addDays(opened, 25));
    if (kind === 'AEMO' || kind === 'PLACEMENT_JUDICIAIRE') b.decision(childId, kind === 'AEMO' ? 'AEMO_JUDGMENT' : 'PLACEMENT_JUDGMENT', kind === 'AEMO' ? 'AEMO' : 'PLACEMENT', addDays(opened, 18));
  });
  // RPE: childcare for 40% of under-6s, 4 children per childminder, 50 childminders per relais.
  const cared = underSix.filter(() => rng.chance(0.4));
  const childminders = Math.max(1, Math.ceil(cared.length / 4));
  const relaisCount = Math.max(1, Math.ceil(childminders / 50));
  for (let r = 0; r < relaisCount; r += 1) {
    const relais = `RPE-75-${String(r + 20).padStart(2, '0')}`;
    b.rpe.relais.push([relais, `Relais fictif ${r}`]);
    b.agent('rpe', `bench-coord-${relais}`, `Coordinatrice fictive ${r}`, 'RPE_COORDINATOR', relais);
  }
  for (let c = 0; c < childminders; c += 1) {
    b.rpe.childminder.push([`bench-cm-${c}`, `Assistante maternelle fictive ${c}`, `AGR-B-${c}`, 4, `RPE-75-${String(Math.floor(c / 50) + 20).padStart(2, '0')}`, '2029-12-31', `bench-cm-${c}`]);
  }
  cared.forEach((childId, index) => b.childcare(childId, `bench-cm-${index % childminders}`, addDays(REFERENCE_DAY, -rng.int(10, 900)), null));
  // Concerns about 2% of the cared-for children, and a CRIP evaluation for each; a few court decisions.
  cared.forEach((childId, index) => {
    if (!rng.chance(0.05)) return;
    const childminder = index % childminders;
    const raised = addDays(REFERENCE_DAY, -rng.int(1, 300));
    b.concern([childId], `bench-cm-${childminder}`, `RPE-75-${String(Math.floor(childminder / 50) + 20).padStart(2, '0')}`, raised, rng.pick(['SUBMITTED', 'ACKNOWLEDGED', 'UNDER_EVALUATION', 'CLOSED']));
    b.evaluation(childId, addDays(raised, 1), rng.chance(0.5));
  });
  // Consents for about 1 child in 5, one in ten of them revoked.
  for (const childId of ids) {
    if (!rng.chance(0.2)) continue;
    b.consent(childId, rng.pick([['PROTECTION_DETAILS'], ['CHILDCARE'], ['PROTECTION_DETAILS', 'CHILDCARE']]), 'PMI_NURSE', rng.chance(0.1));
  }
}

/** Fixed children for the operations under test, whatever N is. */
function fixtures(b: Builder): void {
  const { rng } = b;
  // One child with exactly 500 timeline events, read by its référent.
  const t = FIXTURES.timelineChild;
  b.child(t, '2021-03-15');
  b.agent('ase', FIXTURES.timelineReferent, 'Référent du fil', 'ASE_REFERENT', 'ASE-75');
  b.agent('pmi', 'bench-fx-timeline-nurse', 'Infirmière du fil', 'PMI_NURSE', 'PMI-75');
  const dossier = b.dossier(t, FIXTURES.timelineReferent, '2021-04-01'); // 1 event
  let lastMeasure = '';
  for (let m = 0; m < 10; m += 1) lastMeasure = b.measure(dossier, t, 'AED', addDays('2021-05-01', m * 60), addDays('2021-06-01', m * 60)); // 20
  b.placement(t, lastMeasure, '2023-01-10'); // 1
  for (let e = 0; e < 4; e += 1) b.evaluation(t, addDays('2022-01-01', e * 90), true); // 8
  const followUp = b.followUp(t, 'bench-fx-timeline-nurse', '2021-03-20'); // 1
  for (const [kind, on] of [['DAY_8', '2021-03-23'], ['MONTH_9', '2021-12-15'], ['MONTH_24', '2023-03-15'], ['YEAR_3_4', '2024-09-01']]) b.check(t, kind, on); // 4 (withheld)
  for (let v = 0; v < 415; v += 1) b.visit(followUp, t, 'bench-fx-timeline-nurse', addDays('2021-04-01', v * 4)); // 415
  b.rpe.relais.push(['RPE-75-99', 'Relais des fixtures']);
  b.rpe.childminder.push(['bench-fx-cm', 'Assistante maternelle des fixtures', 'AGR-FX-1', 4, 'RPE-75-99', '2029-12-31', 'bench-fx-cm']);
  for (let a = 0; a < 5; a += 1) b.childcare(t, 'bench-fx-cm', addDays('2021-09-01', a * 100), addDays('2021-11-01', a * 100)); // 10
  for (let c = 0; c < 20; c += 1) b.concern([t], 'bench-fx-cm', 'RPE-75-99', addDays('2022-02-01', c * 30), 'CLOSED'); // 20
  for (let d = 0; d < 20; d += 1) b.decision(t, 'RENEWAL', 'AEMO', addDays('2021-06-01', d * 45)); // 20

  // Lists of 1, 10, 100 and 1,000 children, each followed in every institution.
  b.agent('pmi', 'bench-fx-scale-nurse', 'Infirmière des listes', 'PMI_NURSE', 'PMI-75');
  for (const size of FIXTURES.listSizes) {
    const referent = FIXTURES.listReferent(size);
    b.agent('ase', referent, `Référent de ${size}`, 'ASE_REFERENT', 'ASE-75');
    for (let i = 0; i < size; i += 1) {
      const id = `bf-l${size}-${i}`;
      b.child(id, addDays('2021-01-01', i % 1_500));
      const d = b.dossier(id, referent, '2025-01-01');
      b.measure(d, id, 'AEMO', '2025-02-01', null);
      b.followUp(id, 'bench-fx-scale-nurse', '2024-01-01');
      b.childcare(id, 'bench-fx-cm', '2024-09-02', null);
      b.decision(id, 'AEMO_JUDGMENT', 'AEMO', '2025-02-01');
    }
  }

  // Authorization-heavy: three nurses, 100 children each; consents chosen so that 0, 50
  // or 250 of the 500 labelled values (5 fields × 100 children) are withheld.
  const PD = 'PROTECTION_DETAILS';
  const CC = 'CHILDCARE';
  const plans: Record<number, Array<string[] | null>> = {
    0: Array.from({ length: 100 }, () => [PD, CC]),
    10: [...Array.from({ length: 16 }, () => null), [CC], ...Array.from({ length: 83 }, () => [PD, CC])],
    50: [...Array.from({ length: 83 }, () => null), [PD], ...Array.from({ length: 16 }, () => [PD, CC])],
  };
  b.agent('ase', 'bench-fx-authz-referent', 'Référent des droits', 'ASE_REFERENT', 'ASE-75');
  for (const denied of FIXTURES.authzDenied) {
    const nurse = FIXTURES.authzNurse(denied);
    b.agent('pmi', nurse, `Infirmière ${denied} %`, 'PMI_NURSE', 'PMI-75');
    plans[denied].forEach((categories, i) => {
      const id = `bf-a${denied}-${String(i).padStart(3, '0')}`;
      b.child(id, addDays('2023-01-01', i));
      const d = b.dossier(id, 'bench-fx-authz-referent', '2025-03-01');
      b.measure(d, id, 'AED', '2025-03-15', null);
      b.followUp(id, nurse, '2024-02-01');
      b.childcare(id, 'bench-fx-cm', '2024-09-02', null);
      if (categories) b.consent(id, categories, 'PMI_NURSE', false);
      // A revoked consent never counts: every child of the 50 % nurse without one has one revoked.
      else b.consent(id, [PD, CC], 'PMI_NURSE', true);
    });
  }

  // flagConcern: a relais of another département, so the CRIP 75 inbox does not grow during the run.
  b.rpe.relais.push([FIXTURES.flagRelais, 'Relais fictif 92']);
  b.agent('rpe', FIXTURES.flagCoordinator, 'Coordinatrice 92', 'RPE_COORDINATOR', FIXTURES.flagRelais);
  b.rpe.childminder.push(['bench-fx-cm-92', 'Assistante maternelle 92', 'AGR-92-1', 4, FIXTURES.flagRelais, '2029-12-31', 'bench-fx-cm-92']);
  b.child(FIXTURES.flagChild, '2024-05-05');
  b.childcare(FIXTURES.flagChild, 'bench-fx-cm-92', '2025-09-01', null);
  void rng;
}

/** The whole data set for `children` children from `seed`: the same rows on every run. */
export function generateDataset(children: number, seed: number): Dataset {
  const b = new Builder(createRng(seed));
  population(b, children);
  fixtures(b);
  const summary: Record<string, number> = {};
  for (const db of ['hub', 'ase', 'pmi', 'rpe', 'justice'] as const) {
    for (const [table, rows] of Object.entries(b[db])) summary[`${db}.${table}`] = rows.length;
  }
  return { hub: b.hub, ase: b.ase, pmi: b.pmi, rpe: b.rpe, justice: b.justice, summary };
}
