import { randomUUID } from 'node:crypto';
import { Role } from '../common/src/domain.js';
import type { Agent } from '../gateway/src/auth/agent.js';
import { FIXTURES } from './data/dataset.js';

/** One operation under load: who asks, what, and (for mutations) a fresh body each time. */
export interface Operation {
  name: string;
  description: string;
  agent: Agent;
  query: string;
  variables?: () => Record<string, unknown>;
  /** What the hub must withhold compared with a bare gateway (checked before any number counts). */
  expectedRedactions?: { count: number; code: string };
  /** Result fields that legitimately differ between two calls (fresh ids, clocks). */
  volatile?: string[];
  /** Part of the journey/tiny targets (10 % CPU) or the authorization-heavy one (25 %). */
  target: 'tiny' | 'journey' | 'authorization';
}

const nurse = (id: string): Agent => ({ id, name: 'Infirmière fictive', role: Role.PMI_NURSE, institution: 'PMI-75' });
const referent = (id: string): Agent => ({ id, name: 'Référent fictif', role: Role.ASE_REFERENT, institution: 'ASE-75' });

const AUTHZ_QUERY = `query AuthorizationHeavy { myChildren {
  id firstName pmiFollowUp { since } dossier { openedOn } cripEvaluations { id } childcare { startDate } } }`;
const AUTHZ_DENIED: Record<number, number> = { 0: 0, 10: 50, 50: 250 };

export const OPERATIONS: Operation[] = [
  {
    name: 'me',
    description: 'tiny query: `me` (fixed per-request cost)',
    agent: nurse(FIXTURES.nurse),
    query: 'query Me { me { id name role institution } }',
    target: 'tiny',
  },
  {
    name: 'nurse_protection',
    description: "nurse's `myChildren { protectionStatus { level referent { name } } }` (~150 children)",
    agent: nurse(FIXTURES.nurse),
    query: 'query NurseProtection { myChildren { id protectionStatus { level referent { name } } } }',
    target: 'journey',
  },
  {
    name: 'timeline_500',
    description: "one child's `timeline` (500 events, 4 withheld), as its référent",
    agent: referent(FIXTURES.timelineReferent),
    query: `query Timeline { child(id: "${FIXTURES.timelineChild}") { id timeline { events { at source kind summary category } withheld { category count reason } } } }`,
    target: 'journey',
  },
  {
    name: 'concerns_inbox',
    description: 'CRIP `concernsInbox` (every concern of département 75, with reporter and children)',
    agent: { id: FIXTURES.crip, name: 'Karim Benali', role: Role.CRIP_EVALUATOR, institution: 'ASE-75' },
    query: `query Inbox { concernsInbox { id status category severity observedAt raisedAt feedbackDueBy description
      raisedBy { name institution } children { id firstName lastName } } }`,
    target: 'journey',
  },
  {
    name: 'flag_concern',
    description: '`flagConcern` with a fresh idempotency key per request (relais of département 92)',
    agent: { id: FIXTURES.flagCoordinator, name: 'Coordinatrice 92', role: Role.RPE_COORDINATOR, institution: FIXTURES.flagRelais },
    query: `mutation Flag($input: FlagConcernInput!) { flagConcern(input: $input) { id status category severity observedAt feedbackDueBy description } }`,
    variables: () => ({
      input: {
        idempotencyKey: `bench-${randomUUID()}`,
        childIds: [FIXTURES.flagChild],
        childminderId: 'bench-fx-cm-92',
        category: 'HYGIENE',
        severity: 'MEDIUM',
        observedAt: '2026-11-01',
        description: 'Observation de test du banc (texte fictif).',
      },
    }),
    volatile: ['id', 'feedbackDueBy'],
    target: 'journey',
  },
  ...FIXTURES.authzDenied.map(
    (denied): Operation => ({
      name: `authz_${denied}pct`,
      description: `authorization-heavy: 100 children × 5 labelled fields, ${denied} % denied (${AUTHZ_DENIED[denied]} values)`,
      agent: nurse(FIXTURES.authzNurse(denied)),
      query: AUTHZ_QUERY,
      expectedRedactions: { count: AUTHZ_DENIED[denied], code: 'CONSENT_REQUIRED' },
      target: 'authorization',
    }),
  ),
];

/** The sql-count test's list query, for lists of 1, 10, 100 and 1,000 children. */
export const LIST_QUERY = `query MyChildren { myChildren {
  id firstName lastName birthDate
  protectionStatus { level since referent { name phone } }
  dossier { openedOn measures { kind startDate } }
  pmiFollowUp { since visitCount nurse { name } }
  childcare { startDate childminder { name capacity } }
  courtDecisions { kind decidedAt content }
} }`;

export function listAgent(size: number): Agent {
  return referent(FIXTURES.listReferent(size));
}
