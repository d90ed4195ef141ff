import { ALL_ROLES, Role } from '../../../../common/src/domain';
import { ConcernStatus } from '../entity/concern.enums';
import { CONCERN_TRANSITIONS, type ConcernAction, isLegalTransition, mayPerform } from './concern-transitions';

const { SUBMITTED, ACKNOWLEDGED, UNDER_EVALUATION, CLOSED } = ConcernStatus;

describe('isLegalTransition', () => {
  const legal = new Set([`${SUBMITTED}>${ACKNOWLEDGED}`, `${ACKNOWLEDGED}>${UNDER_EVALUATION}`, `${UNDER_EVALUATION}>${CLOSED}`]);
  const statuses = Object.values(ConcernStatus);
  const cases = statuses.flatMap((from) => statuses.map((to) => [from, to, legal.has(`${from}>${to}`)] as const));

  it.each(cases)('%s → %s is legal: %s', (from, to, expected) => {
    expect(isLegalTransition(from, to)).toBe(expected);
  });
});

describe('CONCERN_TRANSITIONS', () => {
  it.each([
    ['acknowledge', SUBMITTED, ACKNOWLEDGED, 'acknowledgedAt', 'acknowledgedById'],
    ['startEvaluation', ACKNOWLEDGED, UNDER_EVALUATION, 'evaluationStartedAt', 'evaluationStartedById'],
    ['close', UNDER_EVALUATION, CLOSED, 'closedAt', 'closedById'],
  ] as const)('%s moves %s → %s, stamping %s and %s', (action, from, to, atField, byField) => {
    expect(CONCERN_TRANSITIONS[action]).toMatchObject({ from, to, atField, byField });
  });
});

describe('mayPerform', () => {
  const allowed: Record<ConcernAction, Role[]> = {
    acknowledge: [Role.CRIP_EVALUATOR],
    startEvaluation: [Role.CRIP_EVALUATOR],
    close: [Role.CRIP_EVALUATOR, Role.ASE_MANAGER],
  };
  const cases = (Object.keys(allowed) as ConcernAction[]).flatMap((action) =>
    ALL_ROLES.map((role) => [action, role, allowed[action].includes(role)] as const),
  );

  it.each(cases)('%s by %s: %s', (action, role, expected) => {
    expect(mayPerform(action, role)).toBe(expected);
  });
});
