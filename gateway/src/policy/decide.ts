import type { DataCategory, Role } from '../../../common/src/domain.js';
import { notifiesReferent, ruleFor } from './rules.js';

/** What the hub knows of one (viewer, child) pair when it decides. */
export interface ChildFacts {
  /** `unknown` when an institution that might hold the relationship could not be asked. */
  relationship: 'yes' | 'no' | 'unknown';
  /** Categories covered, today, by an unrevoked consent for the viewer's role. */
  consentedCategories: ReadonlySet<DataCategory>;
}

export type DenyCode = 'FORBIDDEN_CATEGORY' | 'NEED_TO_KNOW' | 'CONSENT_REQUIRED' | 'SOURCE_UNAVAILABLE';

export type Decision = { permit: true; notifyReferent: boolean } | { permit: false; code: DenyCode };

/** Every decision there is: shared and frozen (the redaction decides per field and child). */
export const DECISIONS = {
  forbidden: Object.freeze({ permit: false, code: 'FORBIDDEN_CATEGORY' }),
  needToKnow: Object.freeze({ permit: false, code: 'NEED_TO_KNOW' }),
  sourceUnavailable: Object.freeze({ permit: false, code: 'SOURCE_UNAVAILABLE' }),
  consentRequired: Object.freeze({ permit: false, code: 'CONSENT_REQUIRED' }),
  permit: Object.freeze({ permit: true, notifyReferent: false }),
  permitAndNotify: Object.freeze({ permit: true, notifyReferent: true }),
} satisfies Record<string, Decision>;

/**
 * The one decision function: may this viewer see this category of this child? Pure: it
 * reads the rules table and the facts given, fetches nothing, throws nothing. A fact the hub
 * could not establish never counts in favour of release.
 */
export function decide(viewer: { role: Role }, facts: ChildFacts, category: DataCategory): Decision {
  const rule = ruleFor(category, viewer.role);
  if (rule === 'D') return DECISIONS.forbidden;
  if (facts.relationship === 'no') return DECISIONS.needToKnow;
  if (facts.relationship === 'unknown') return DECISIONS.sourceUnavailable;
  if (rule === 'C' && !facts.consentedCategories.has(category)) return DECISIONS.consentRequired;
  return notifiesReferent(category, viewer.role) ? DECISIONS.permitAndNotify : DECISIONS.permit;
}
