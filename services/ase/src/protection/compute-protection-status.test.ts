import { computeProtectionStatus, isActiveOn, type ProtectionFacts } from './compute-protection-status';
import { MeasureKind } from './measure-kind';
import { ProtectionLevel } from './protection-level';

const TODAY = '2026-11-23';
const none: ProtectionFacts = { measures: [], evaluations: [], openDossierReferentId: null };
const measure = (kind: MeasureKind, startDate: string, endDate: string | null = null) => ({ kind, startDate, endDate });
const evaluation = (status: 'OPEN' | 'CLOSED', receivedOn: string) => ({ status, receivedOn });

describe('isActiveOn', () => {
  it.each([
    ['starts today', measure(MeasureKind.AED, TODAY), true],
    ['starts tomorrow', measure(MeasureKind.AED, '2026-11-24'), false],
    ['ends today', measure(MeasureKind.AED, '2026-01-01', TODAY), true],
    ['ended yesterday', measure(MeasureKind.AED, '2026-01-01', '2026-11-22'), false],
    ['open-ended', measure(MeasureKind.AED, '2020-01-01'), true],
  ])('%s → %s', (_label, m, expected) => {
    expect(isActiveOn(m, TODAY)).toBe(expected);
  });
});

describe('computeProtectionStatus', () => {
  it.each<[string, Partial<ProtectionFacts>, { level: ProtectionLevel; since: string | null; referentId: string | null }]>([
    ['nothing known', {}, { level: ProtectionLevel.NONE, since: null, referentId: null }],
    ['an open dossier without measure', { openDossierReferentId: 'agent-a' }, { level: ProtectionLevel.NONE, since: null, referentId: 'agent-a' }],
    [
      'Léa: an open-ended AEMO',
      { measures: [measure(MeasureKind.AEMO, '2025-09-01')], openDossierReferentId: 'agent-ase-julien' },
      { level: ProtectionLevel.JUDICIAL_MEASURE, since: '2025-09-01', referentId: 'agent-ase-julien' },
    ],
    [
      'Inès: an ended OPP then a placement (since = the active one)',
      { measures: [measure(MeasureKind.OPP, '2024-02-05', '2024-02-18'), measure(MeasureKind.PLACEMENT_JUDICIAIRE, '2024-02-19')], openDossierReferentId: 'agent-ase-julien' },
      { level: ProtectionLevel.JUDICIAL_MEASURE, since: '2024-02-19', referentId: 'agent-ase-julien' },
    ],
    [
      'Sacha: an open evaluation, no dossier',
      { evaluations: [evaluation('OPEN', '2026-10-28')] },
      { level: ProtectionLevel.EVALUATION_IN_PROGRESS, since: '2026-10-28', referentId: null },
    ],
    [
      'judicial wins over an older administrative measure',
      { measures: [measure(MeasureKind.AED, '2023-01-01'), measure(MeasureKind.AEMO, '2025-01-01')], evaluations: [evaluation('OPEN', '2022-01-01')] },
      { level: ProtectionLevel.JUDICIAL_MEASURE, since: '2025-01-01', referentId: null },
    ],
    [
      'administrative wins over an open evaluation',
      { measures: [measure(MeasureKind.ACCUEIL_PROVISOIRE, '2026-03-01')], evaluations: [evaluation('OPEN', '2026-01-01')] },
      { level: ProtectionLevel.ADMINISTRATIVE_MEASURE, since: '2026-03-01', referentId: null },
    ],
    [
      'since is the earliest active measure of the winning level',
      { measures: [measure(MeasureKind.AEMO, '2026-05-01'), measure(MeasureKind.PLACEMENT_JUDICIAIRE, '2025-05-01'), measure(MeasureKind.OPP, '2024-05-01', '2024-05-10')] },
      { level: ProtectionLevel.JUDICIAL_MEASURE, since: '2025-05-01', referentId: null },
    ],
    [
      'an ended judicial measure falls back to the active administrative one',
      { measures: [measure(MeasureKind.AEMO, '2024-01-01', '2025-12-31'), measure(MeasureKind.AED, '2026-01-01')] },
      { level: ProtectionLevel.ADMINISTRATIVE_MEASURE, since: '2026-01-01', referentId: null },
    ],
    [
      'a future measure does not count yet',
      { measures: [measure(MeasureKind.AEMO, '2026-12-01')] },
      { level: ProtectionLevel.NONE, since: null, referentId: null },
    ],
    [
      'a measure ending today still counts',
      { measures: [measure(MeasureKind.AED, '2026-01-01', TODAY)] },
      { level: ProtectionLevel.ADMINISTRATIVE_MEASURE, since: '2026-01-01', referentId: null },
    ],
    [
      'closed evaluations do not count; since is the earliest open one',
      { evaluations: [evaluation('CLOSED', '2025-01-01'), evaluation('OPEN', '2026-11-01'), evaluation('OPEN', '2026-10-01')] },
      { level: ProtectionLevel.EVALUATION_IN_PROGRESS, since: '2026-10-01', referentId: null },
    ],
    ['only closed evaluations', { evaluations: [evaluation('CLOSED', '2025-01-01')] }, { level: ProtectionLevel.NONE, since: null, referentId: null }],
  ])('%s', (_label, facts, expected) => {
    expect(computeProtectionStatus({ ...none, ...facts }, TODAY)).toEqual(expected);
  });
});
