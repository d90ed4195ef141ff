import { ALL_CATEGORIES, ALL_ROLES, DataCategory, Role } from '../../../common/src/domain';
import { type ChildFacts, decide } from './decide';
import { forbiddenCategories, ruleFor } from './rules';

const NO_CONSENT: ReadonlySet<DataCategory> = new Set();
const ALL_CONSENTED: ReadonlySet<DataCategory> = new Set(ALL_CATEGORIES);

/**
 * DESIGN.md's table, transcribed independently of rules.ts (role → the categories in each
 * state). A drift between the two fails the cell-by-cell test below.
 */
const EXPECTED: Record<Role, { A: DataCategory[]; C: DataCategory[]; notify: DataCategory[] }> = {
  [Role.PMI_NURSE]: { A: ['IDENTITY', 'PROTECTION_STATUS', 'HEALTH_FOLLOW_UP', 'HEALTH_DETAILS'] as DataCategory[], C: ['PROTECTION_DETAILS', 'CHILDCARE'] as DataCategory[], notify: [DataCategory.PROTECTION_STATUS, DataCategory.PROTECTION_DETAILS] },
  [Role.PMI_DOCTOR]: { A: ['IDENTITY', 'PROTECTION_STATUS', 'HEALTH_FOLLOW_UP', 'HEALTH_DETAILS'] as DataCategory[], C: ['PROTECTION_DETAILS', 'CHILDCARE'] as DataCategory[], notify: [DataCategory.PROTECTION_STATUS, DataCategory.PROTECTION_DETAILS] },
  [Role.RPE_COORDINATOR]: { A: ['IDENTITY', 'CHILDCARE', 'CONCERN', 'REPORTER_IDENTITY'] as DataCategory[], C: [], notify: [] },
  [Role.ASE_REFERENT]: { A: ['IDENTITY', 'PROTECTION_STATUS', 'PROTECTION_DETAILS', 'PLACEMENT_LOCATION', 'HEALTH_FOLLOW_UP', 'CHILDCARE', 'CONCERN', 'COURT_DECISION', 'COURT_DECISION_CONTENT'] as DataCategory[], C: ['HEALTH_DETAILS'] as DataCategory[], notify: [] },
  [Role.ASE_MANAGER]: { A: ['IDENTITY', 'PROTECTION_STATUS', 'PROTECTION_DETAILS', 'PLACEMENT_LOCATION', 'HEALTH_FOLLOW_UP', 'CHILDCARE', 'CONCERN', 'COURT_DECISION', 'COURT_DECISION_CONTENT', 'REPORTER_IDENTITY'] as DataCategory[], C: ['HEALTH_DETAILS'] as DataCategory[], notify: [] },
  [Role.CRIP_EVALUATOR]: { A: ['IDENTITY', 'PROTECTION_STATUS', 'PROTECTION_DETAILS', 'HEALTH_FOLLOW_UP', 'CHILDCARE', 'CONCERN', 'COURT_DECISION', 'REPORTER_IDENTITY'] as DataCategory[], C: ['HEALTH_DETAILS'] as DataCategory[], notify: [] },
  [Role.JUDGE]: { A: ['IDENTITY', 'PROTECTION_STATUS', 'PROTECTION_DETAILS', 'PLACEMENT_LOCATION', 'HEALTH_FOLLOW_UP', 'CHILDCARE', 'CONCERN', 'COURT_DECISION', 'COURT_DECISION_CONTENT'] as DataCategory[], C: ['HEALTH_DETAILS'] as DataCategory[], notify: [DataCategory.PROTECTION_STATUS, DataCategory.PROTECTION_DETAILS, DataCategory.PLACEMENT_LOCATION] },
  [Role.DPO]: { A: [], C: [], notify: [] },
};

function expectedDecision(role: Role, category: DataCategory, relationship: boolean, consent: boolean) {
  const row = EXPECTED[role];
  const allowedAlways = row.A.includes(category);
  const allowedWithConsent = row.C.includes(category);
  if (!allowedAlways && !allowedWithConsent) return { permit: false, code: 'FORBIDDEN_CATEGORY' };
  if (!relationship) return { permit: false, code: 'NEED_TO_KNOW' };
  if (allowedWithConsent && !consent) return { permit: false, code: 'CONSENT_REQUIRED' };
  return { permit: true, notifyReferent: row.notify.includes(category) };
}

const CELLS = ALL_ROLES.flatMap((role) =>
  ALL_CATEGORIES.flatMap((category) =>
    [true, false].flatMap((relationship) => [true, false].map((consent) => [role, category, relationship, consent] as const)),
  ),
);

describe('decide', () => {
  it('covers 8 roles × 11 categories × relationship × consent', () => {
    expect(CELLS).toHaveLength(8 * 11 * 2 * 2);
  });

  it.each(CELLS)('%s / %s / relationship=%s / consent=%s', (role, category, relationship, consent) => {
    const facts: ChildFacts = { relationship: relationship ? 'yes' : 'no', consentedCategories: consent ? ALL_CONSENTED : NO_CONSENT };
    expect(decide({ role }, facts, category)).toEqual(expectedDecision(role, category, relationship, consent));
  });

  it.each(ALL_ROLES)('never releases to %s when the relationship is unknown', (role) => {
    for (const category of ALL_CATEGORIES) {
      const decision = decide({ role }, { relationship: 'unknown', consentedCategories: ALL_CONSENTED }, category);
      expect(decision.permit).toBe(false);
    }
  });

  it('needs the consent for the very category, not another one', () => {
    const facts: ChildFacts = { relationship: 'yes', consentedCategories: new Set([DataCategory.CHILDCARE]) };
    expect(decide({ role: Role.PMI_NURSE }, facts, DataCategory.PROTECTION_DETAILS)).toEqual({ permit: false, code: 'CONSENT_REQUIRED' });
    expect(decide({ role: Role.PMI_NURSE }, facts, DataCategory.CHILDCARE)).toEqual({ permit: true, notifyReferent: false });
  });
});

describe('forbiddenCategories', () => {
  it.each(ALL_ROLES)('lists exactly the D cells of %s', (role) => {
    const expected = ALL_CATEGORIES.filter((category) => !EXPECTED[role].A.includes(category) && !EXPECTED[role].C.includes(category));
    expect([...forbiddenCategories(role)].sort()).toEqual([...expected].sort());
    for (const category of expected) expect(ruleFor(category, role)).toBe('D');
  });
});
