import type { DataCategory, Role } from '../../../common/src/domain.js';
import { ruleFor } from './rules.js';

/** What the hub knows of one (viewer, child) pair when it decides. */
export interface ChildFacts {
  /** `unknown` when an institution that might hold the relationship could not be asked. */
  relationship: 'yes' | 'no' | 'unknown';
  /** Categories covered, today, by an unrevoked consent for the viewer's role. */
  consentedCategories: ReadonlySet<DataCategory>;
}

export type DenyCode = 'FORBIDDEN_CATEGORY' | 'NEED_TO_KNOW' | 'CONSENT_REQUIRED' | 'SOURCE_UNAVAILABLE';

export type Decision = { permit: true; notifyReferent: boolean } | { permit: false; code: DenyCode };

/**
 * The one decision function: may this viewer see this category of this child? Pure: it
 * reads the rules table and the facts given, fetches nothing, throws nothing. A fact the hub
 * could not establish never counts in favour of release.
 */
export function decide(viewer: { role: Role }, facts: ChildFacts, category: DataCategory): Decision {
  const rule = ruleFor(category, viewer.role);
  if (rule === 'D') return { permit: false, code: 'FORBIDDEN_CATEGORY' };
  if (facts.relationship === 'no') return { permit: false, code: 'NEED_TO_KNOW' };
  if (facts.relationship === 'unknown') return { permit: false, code: 'SOURCE_UNAVAILABLE' };
  if (rule === 'C' && !facts.consentedCategories.has(category)) return { permit: false, code: 'CONSENT_REQUIRED' };
  return { permit: true, notifyReferent: rule === 'A*' };
}
