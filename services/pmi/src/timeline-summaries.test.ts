import { HealthCheckKind } from './entity/health-check.entity';
import { followUpStartedSummary, healthCheckSummary, MAX_FINDINGS_IN_SUMMARY } from './timeline-summaries';

describe('healthCheckSummary', () => {
  it.each([
    [HealthCheckKind.DAY_8, 'RAS', 'Certificat du 8e jour : RAS'],
    [HealthCheckKind.MONTH_9, 'Développement harmonieux', 'Certificat du 9e mois : Développement harmonieux'],
    [HealthCheckKind.MONTH_24, '  Langage\n en place ', 'Certificat du 24e mois : Langage en place'],
    [HealthCheckKind.YEAR_3_4, 'Vision normale', 'Bilan de santé de 3-4 ans : Vision normale'],
  ])('labels %s', (kind, findings, expected) => {
    expect(healthCheckSummary(kind, findings)).toEqual(expected);
  });

  it('cuts long findings to one short line', () => {
    const summary = healthCheckSummary(HealthCheckKind.MONTH_9, 'a'.repeat(1000));
    expect(summary).toEqual(`Certificat du 9e mois : ${'a'.repeat(MAX_FINDINGS_IN_SUMMARY - 1)}…`);
  });
});

describe('followUpStartedSummary', () => {
  it('names the institution', () => {
    expect(followUpStartedSummary('PMI-75')).toEqual('Début du suivi PMI (PMI-75)');
  });
});
