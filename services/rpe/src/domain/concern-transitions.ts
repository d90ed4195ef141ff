import { Role } from '../../../../common/src/domain.js';
import { ConcernStatus } from '../entity/concern.enums.js';

/** What the CRIP does with a concern, in order. */
export type ConcernAction = 'acknowledge' | 'startEvaluation' | 'close';

export interface ConcernTransition {
  from: ConcernStatus;
  to: ConcernStatus;
  /** Roles of the concern's département allowed to make the move. */
  roles: readonly Role[];
  /** Concern properties that timestamp and attribute the move. */
  atField: 'acknowledgedAt' | 'evaluationStartedAt' | 'closedAt';
  byField: 'acknowledgedById' | 'evaluationStartedById' | 'closedById';
}

/**
 * The only legal moves: one step forward at a time. Skipping, going back and repeating
 * are all illegal because the UPDATE is conditioned on `from`.
 */
export const CONCERN_TRANSITIONS: Readonly<Record<ConcernAction, ConcernTransition>> = Object.freeze({
  acknowledge: {
    from: ConcernStatus.SUBMITTED,
    to: ConcernStatus.ACKNOWLEDGED,
    roles: [Role.CRIP_EVALUATOR],
    atField: 'acknowledgedAt',
    byField: 'acknowledgedById',
  },
  startEvaluation: {
    from: ConcernStatus.ACKNOWLEDGED,
    to: ConcernStatus.UNDER_EVALUATION,
    roles: [Role.CRIP_EVALUATOR],
    atField: 'evaluationStartedAt',
    byField: 'evaluationStartedById',
  },
  close: {
    from: ConcernStatus.UNDER_EVALUATION,
    to: ConcernStatus.CLOSED,
    roles: [Role.CRIP_EVALUATOR, Role.ASE_MANAGER],
    atField: 'closedAt',
    byField: 'closedById',
  },
});

/** True when some action moves a concern from `from` to `to`. */
export function isLegalTransition(from: ConcernStatus, to: ConcernStatus): boolean {
  return Object.values(CONCERN_TRANSITIONS).some((transition) => transition.from === from && transition.to === to);
}

export function mayPerform(action: ConcernAction, role: Role): boolean {
  return CONCERN_TRANSITIONS[action].roles.includes(role);
}
