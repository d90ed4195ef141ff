import { ConcernCategory, Severity } from '../entity/concern.enums';
import { childcareSummary, concernSummary } from './timeline-summaries';

describe('childcareSummary', () => {
  it.each([
    ['STARTED', 'RPE-75-11', 'Accueil chez une assistante maternelle (RPE-75-11)'],
    ['ENDED', 'RPE-75-11', 'Fin d’accueil chez une assistante maternelle (RPE-75-11)'],
  ] as const)('%s at %s', (event, relais, expected) => {
    expect(childcareSummary(event, relais)).toEqual(expected);
  });
});

describe('concernSummary', () => {
  it.each([
    [ConcernCategory.NEGLECT, Severity.HIGH, 'Préoccupation transmise à la CRIP : négligence, gravité élevée'],
    [ConcernCategory.OVERCAPACITY, Severity.LOW, 'Préoccupation transmise à la CRIP : sureffectif, gravité faible'],
    [ConcernCategory.VIOLENCE, Severity.URGENT, 'Préoccupation transmise à la CRIP : violence, gravité urgente'],
    [ConcernCategory.SAFETY, Severity.MEDIUM, 'Préoccupation transmise à la CRIP : sécurité, gravité moyenne'],
    [ConcernCategory.HYGIENE, Severity.MEDIUM, 'Préoccupation transmise à la CRIP : hygiène, gravité moyenne'],
    [ConcernCategory.OTHER, Severity.LOW, 'Préoccupation transmise à la CRIP : autre, gravité faible'],
  ])('%s / %s', (category, severity, expected) => {
    expect(concernSummary(category, severity)).toEqual(expected);
  });
});
