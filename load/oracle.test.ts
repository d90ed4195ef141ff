import { type ConsentRecord, DisclosureOracle, type PersonaId } from './oracle';

const oracle = DisclosureOracle.withNoConsents();
const today = new Date().toISOString().slice(0, 10);

describe('DisclosureOracle.verdict', () => {
  // A sample of DESIGN.md's table, cell by cell, with and without a relationship.
  it.each<[PersonaId, string, string, 'release' | 'withhold']>([
    ['agent-pmi-claire', 'child-lea', 'IDENTITY', 'release'],
    ['agent-pmi-claire', 'child-lea', 'PROTECTION_STATUS', 'release'],
    ['agent-pmi-claire', 'child-lea', 'PROTECTION_DETAILS', 'withhold'], // C, no consent
    ['agent-pmi-claire', 'child-lea', 'PLACEMENT_LOCATION', 'withhold'], // D
    ['agent-pmi-claire', 'child-lea', 'HEALTH_DETAILS', 'release'],
    ['agent-pmi-claire', 'child-lea', 'CONCERN', 'withhold'],
    ['agent-pmi-claire', 'child-ines', 'IDENTITY', 'withhold'], // no relationship
    ['agent-rpe-amina', 'child-sacha', 'CHILDCARE', 'release'],
    ['agent-rpe-amina', 'child-sacha', 'PROTECTION_STATUS', 'withhold'],
    ['agent-rpe-amina', 'child-sacha', 'REPORTER_IDENTITY', 'release'],
    ['agent-ase-julien', 'child-lea', 'PLACEMENT_LOCATION', 'release'],
    ['agent-ase-julien', 'child-lea', 'HEALTH_DETAILS', 'withhold'], // C
    ['agent-ase-julien', 'child-lea', 'REPORTER_IDENTITY', 'withhold'],
    ['agent-ase-nathalie', 'child-sacha', 'REPORTER_IDENTITY', 'release'],
    ['agent-crip-karim', 'child-sacha', 'COURT_DECISION_CONTENT', 'withhold'],
    ['agent-crip-karim', 'child-lea', 'IDENTITY', 'withhold'],
    ['agent-tj-helene', 'child-ines', 'COURT_DECISION_CONTENT', 'release'],
    ['agent-tj-helene', 'child-ines', 'REPORTER_IDENTITY', 'withhold'],
    ['agent-dpo-marc', 'child-lea', 'IDENTITY', 'withhold'],
  ])('%s, %s, %s → %s', (persona, childId, category, expected) => {
    expect(oracle.verdict(persona, childId, category)).toBe(expected);
  });

  it('releases a C category with a valid consent for that role, not with a revoked, expired or other-role one', () => {
    const consent = (change: Partial<ConsentRecord>): ConsentRecord => ({
      childId: 'child-lea', categories: ['HEALTH_DETAILS'], recipientRole: 'ASE_REFERENT', validFrom: '2020-01-01', validUntil: null, revokedAt: null, ...change,
    });
    const withConsents = (...consents: ConsentRecord[]) => new DisclosureOracle(new Map([['child-lea', consents]]), today);
    expect(withConsents(consent({})).verdict('agent-ase-julien', 'child-lea', 'HEALTH_DETAILS')).toBe('release');
    expect(withConsents(consent({ revokedAt: '2024-01-01T00:00:00Z' })).verdict('agent-ase-julien', 'child-lea', 'HEALTH_DETAILS')).toBe('withhold');
    expect(withConsents(consent({ validUntil: '2021-01-01' })).verdict('agent-ase-julien', 'child-lea', 'HEALTH_DETAILS')).toBe('withhold');
    expect(withConsents(consent({ recipientRole: 'JUDGE' })).verdict('agent-ase-julien', 'child-lea', 'HEALTH_DETAILS')).toBe('withhold');
    expect(withConsents(consent({})).verdict('agent-dpo-marc', 'child-lea', 'HEALTH_DETAILS')).toBe('withhold');
  });

  it('leaves C unchecked for a child whose consents it does not know', () => {
    expect(new DisclosureOracle(new Map(), today).verdict('agent-ase-julien', 'child-lea', 'HEALTH_DETAILS')).toBe('unchecked');
  });
});

describe('DisclosureOracle.childLeaks', () => {
  it('finds nothing in a correct redaction', () => {
    const child = { id: 'child-lea', firstName: 'Léa', protectionStatus: { level: 'JUDICIAL_MEASURE' }, placement: null, concerns: null, courtDecisions: null, healthRecord: { checks: [] } };
    expect(oracle.childLeaks('agent-pmi-claire', child, 'child')).toEqual([]);
  });

  it('names every labelled field released against the rules, nested ones included', () => {
    const child = {
      id: 'child-lea',
      firstName: 'Léa',
      protectionStatus: { level: 'JUDICIAL_MEASURE' },
      placement: { address: 'x' },
      courtDecisions: [{ id: 'd', content: 'x' }],
      timeline: { events: [{ category: 'CHILDCARE' }, { category: 'PROTECTION_STATUS' }] },
    };
    expect(oracle.childLeaks('agent-rpe-amina', child, 'child').map((leak) => [leak.path, leak.category])).toEqual([
      ['child.protectionStatus', 'PROTECTION_STATUS'],
      ['child.placement', 'PLACEMENT_LOCATION'],
      ['child.courtDecisions', 'COURT_DECISION'],
      ['child.courtDecisions.0.content', 'COURT_DECISION_CONTENT'],
      ['child.timeline.events.1', 'PROTECTION_STATUS'],
    ]);
  });

  it('counts a child the viewer has no relationship with as a leak, even with every field null', () => {
    expect(oracle.childLeaks('agent-pmi-claire', { id: 'child-ines', firstName: null }, 'child')).toEqual([
      { persona: 'agent-pmi-claire', path: 'child', category: 'IDENTITY', childId: 'child-ines' },
    ]);
  });
});

describe('DisclosureOracle.concernLeaks', () => {
  const concern = { id: 'c1', status: 'SUBMITTED', raisedBy: { name: 'Amina Diallo' }, children: [{ id: 'child-noah', firstName: 'Noah', protectionStatus: null }] };

  it('lets the CRIP see a concern in its inbox, reporter and children included (the concern makes the relationship)', () => {
    expect(oracle.concernLeaks('agent-crip-karim', concern, 'concernsInbox.0', true)).toEqual([]);
  });

  it('flags a concern shown to a nurse, and a reporter shown to a judge', () => {
    expect(oracle.concernLeaks('agent-pmi-claire', concern, 'x', false).map((leak) => leak.path)).toEqual(['x.id', 'x.status', 'x.raisedBy']);
    expect(oracle.concernLeaks('agent-tj-helene', { ...concern, children: [{ id: 'child-lea' }] }, 'x', false).map((leak) => leak.path)).toEqual(['x.raisedBy']);
  });
});
