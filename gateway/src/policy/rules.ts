import { DataCategory, Role } from '../../../common/src/domain.js';

/**
 * A cell of the disclosure table (DESIGN.md, "Disclosure policy"):
 * - `A`  allowed with a care relationship;
 * - `A*` allowed with a care relationship, and the child's ASE référent is notified;
 * - `C`  allowed with a care relationship and a valid consent for this category and role;
 * - `D`  never.
 */
export type Rule = 'A' | 'A*' | 'C' | 'D';

const R = Role;
const COLUMNS = [R.PMI_NURSE, R.PMI_DOCTOR, R.RPE_COORDINATOR, R.ASE_REFERENT, R.ASE_MANAGER, R.CRIP_EVALUATOR, R.JUDGE, R.DPO] as const;

/**
 * The table as DESIGN.md writes it, one row per category, columns in `COLUMNS` order; one
 * reading added where the text is more precise than the drawing (PROTECTION_STATUS, JUDGE).
 */
const TABLE: Record<DataCategory, readonly [Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule]> = {
  //                                      NURSE DOCTOR RPE  REF  MGR  CRIP JUDGE DPO
  [DataCategory.IDENTITY]:               ['A',  'A',  'A', 'A', 'A', 'A', 'A', 'D'],
  // JUDGE is A* too: the footnote (and issue 3) say every release of PROTECTION_STATUS to a
  // *non-ASE* viewer notifies the référent; the drawn table stars only the PMI columns.
  [DataCategory.PROTECTION_STATUS]:      ['A*', 'A*', 'D', 'A', 'A', 'A', 'A*', 'D'],
  [DataCategory.PROTECTION_DETAILS]:     ['C',  'C',  'D', 'A', 'A', 'A', 'A', 'D'],
  [DataCategory.PLACEMENT_LOCATION]:     ['D',  'D',  'D', 'A', 'A', 'D', 'A', 'D'],
  [DataCategory.HEALTH_FOLLOW_UP]:       ['A',  'A',  'D', 'A', 'A', 'A', 'A', 'D'],
  [DataCategory.HEALTH_DETAILS]:         ['A',  'A',  'D', 'C', 'C', 'C', 'C', 'D'],
  [DataCategory.CHILDCARE]:              ['C',  'C',  'A', 'A', 'A', 'A', 'A', 'D'],
  [DataCategory.CONCERN]:                ['D',  'D',  'A', 'A', 'A', 'A', 'A', 'D'],
  [DataCategory.COURT_DECISION]:         ['D',  'D',  'D', 'A', 'A', 'A', 'A', 'D'],
  [DataCategory.COURT_DECISION_CONTENT]: ['D',  'D',  'D', 'A', 'A', 'D', 'A', 'D'],
  [DataCategory.REPORTER_IDENTITY]:      ['D',  'D',  'A', 'D', 'A', 'A', 'D', 'D'],
};

/** The rule for one (category, role) cell. */
export function ruleFor(category: DataCategory, role: Role): Rule {
  return TABLE[category][COLUMNS.indexOf(role)];
}

/** The categories whose release tells that the child has, or had, a protection file. */
const PROTECTION_FILE: ReadonlySet<DataCategory> = new Set([DataCategory.PROTECTION_STATUS, DataCategory.PROTECTION_DETAILS, DataCategory.PLACEMENT_LOCATION]);

/**
 * Whether releasing `category` to `role` notifies the child's référent. DESIGN.md's footnote
 * asks it for every release of PROTECTION_STATUS to a non-ASE viewer (the `A*` cells); a
 * measure released with the parents' consent, a placement shown to a judge, or a count of
 * withheld measures in a timeline tells the same status, so it notifies the same viewers.
 */
export function notifiesReferent(category: DataCategory, role: Role): boolean {
  return PROTECTION_FILE.has(category) && ruleFor(DataCategory.PROTECTION_STATUS, role) === 'A*';
}

/** Categories a role may never see: removed from its operations before planning. */
export function forbiddenCategories(role: Role): ReadonlySet<DataCategory> {
  return new Set((Object.keys(TABLE) as DataCategory[]).filter((category) => ruleFor(category, role) === 'D'));
}

/** Categories a role may see in some circumstance (every cell but D), in table order. */
export function visibleCategories(role: Role): DataCategory[] {
  return (Object.keys(TABLE) as DataCategory[]).filter((category) => ruleFor(category, role) !== 'D');
}
