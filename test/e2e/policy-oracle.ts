/**
 * The test's own ORACLE of the disclosure policy: DESIGN.md's rules table (shared with the
 * load test's oracle) and the demo scenario's care relationships, transcribed by hand. Deliberately independent of
 * gateway/src/policy, so that a mistake there cannot hide in the expectation too.
 */
import { cell, type Role } from '../../load/oracle';
import type { DemoAgentId } from '../support/tokens';

export type { Role };
export type Rule = 'A' | 'C' | 'D';
export type ChildId = 'child-lea' | 'child-noah' | 'child-ines' | 'child-sacha';

/** DESIGN.md's table as load/oracle.ts transcribes it (one transcription for every oracle). */
export function rule(category: string, role: Role): Rule {
  return cell(role, category);
}

export interface DemoAgent { id: DemoAgentId; role: Role; name: string; institution: string }
export const AGENTS: readonly DemoAgent[] = [
  { id: 'agent-pmi-claire', role: 'PMI_NURSE', name: 'Claire Dubois', institution: 'PMI-75' },
  { id: 'agent-pmi-hugo', role: 'PMI_NURSE', name: 'Hugo Lefèvre', institution: 'PMI-75' },
  { id: 'agent-rpe-amina', role: 'RPE_COORDINATOR', name: 'Amina Diallo', institution: 'RPE-75-11' },
  { id: 'agent-ase-julien', role: 'ASE_REFERENT', name: 'Julien Moreau', institution: 'ASE-75' },
  { id: 'agent-ase-nathalie', role: 'ASE_MANAGER', name: 'Nathalie Roux', institution: 'ASE-75' },
  { id: 'agent-crip-karim', role: 'CRIP_EVALUATOR', name: 'Karim Benali', institution: 'ASE-75' },
  { id: 'agent-tj-helene', role: 'JUDGE', name: 'Hélène Girard', institution: 'TJ-PARIS' },
  { id: 'agent-dpo-marc', role: 'DPO', name: 'Marc Fontaine', institution: 'ASE-75' },
];
export const CHILDREN: readonly ChildId[] = ['child-lea', 'child-noah', 'child-ines', 'child-sacha'];

/** Care relationships of the seeded demo scenario. */
export const SEEDED_RELATIONSHIPS: Readonly<Record<DemoAgentId, readonly ChildId[]>> = {
  'agent-pmi-claire': ['child-lea', 'child-noah'],
  'agent-pmi-hugo': ['child-ines'],
  'agent-rpe-amina': ['child-lea', 'child-noah', 'child-sacha'],
  'agent-ase-julien': ['child-lea', 'child-ines'],
  'agent-ase-nathalie': ['child-lea', 'child-ines', 'child-sacha'],
  'agent-crip-karim': ['child-sacha'],
  'agent-tj-helene': ['child-lea', 'child-ines'],
  'agent-dpo-marc': [],
};

/** What each subgraph holds about a child, in the shape the matrix query selects. */
export interface ChildData {
  firstName: string;
  protectionLevel: string;
  dossier: string | null;
  placement: string | null;
  pmiFollowUp: string | null;
  /** null: PMI holds nothing, so no health record at all. */
  checks: string[] | null;
  childcare: string[];
  /** Concern ids, newest first, with the name of whoever raised each. */
  concerns: Array<{ id: string; raisedBy: string }>;
  /** Decision ids, newest first. */
  courtDecisions: string[];
}

export const SEEDED_DATA: Readonly<Record<ChildId, ChildData>> = {
  'child-lea': {
    firstName: 'Léa', protectionLevel: 'JUDICIAL_MEASURE', dossier: 'dossier-lea', placement: null, pmiFollowUp: 'followup-lea',
    checks: ['check-lea-month24', 'check-lea-month9', 'check-lea-day8'], childcare: ['arrangement-lea'], concerns: [], courtDecisions: ['decision-lea-aemo'],
  },
  'child-noah': {
    firstName: 'Noah', protectionLevel: 'NONE', dossier: null, placement: null, pmiFollowUp: 'followup-noah',
    checks: ['check-noah-month24', 'check-noah-month9'], childcare: ['arrangement-noah'], concerns: [], courtDecisions: [],
  },
  'child-ines': {
    firstName: 'Inès', protectionLevel: 'JUDICIAL_MEASURE', dossier: 'dossier-ines', placement: 'placement-ines', pmiFollowUp: 'followup-ines',
    checks: ['check-ines-year34', 'check-ines-month24', 'check-ines-month9'], childcare: [], concerns: [],
    courtDecisions: ['decision-ines-renewal', 'decision-ines-placement', 'decision-ines-opp'],
  },
  'child-sacha': {
    firstName: 'Sacha', protectionLevel: 'EVALUATION_IN_PROGRESS', dossier: null, placement: null, pmiFollowUp: null,
    checks: null, childcare: ['arrangement-sacha'], concerns: [{ id: 'concern-sacha-1', raisedBy: 'Amina Diallo' }], courtDecisions: [],
  },
};

export const MATRIX_QUERY = `query Matrix($id: ID!) {
  child(id: $id) {
    firstName protectionStatus { level } dossier { id } placement { id } pmiFollowUp { id }
    healthRecord { checks { id } } childcare { id } concerns { id raisedBy { name } } courtDecisions { id content }
  }
}`;

export type Path = Array<string | number>;
export interface ExpectedError { path: Path; extensions: { code: string; category?: string } }
export interface Expected { data: { child: Record<string, unknown> | null }; errors: ExpectedError[] }

/**
 * The whole expected answer to MATRIX_QUERY for one (agent, child), with no consent
 * recorded. Court decision content is matched loosely (the seed's texts all say so).
 */
export function expectedMatrixAnswer(agent: DemoAgent, childId: ChildId, relationships: Record<string, readonly ChildId[]>, data: ChildData): Expected {
  if (!relationships[agent.id].includes(childId)) {
    return { data: { child: null }, errors: [{ path: ['child'], extensions: { code: 'NOT_FOUND' } }] };
  }
  const errors: ExpectedError[] = [];
  const gate = (category: string, path: Path, value: () => unknown): unknown => {
    const cell = rule(category, agent.role);
    if (cell === 'A') return value();
    errors.push({ path, extensions: { code: cell === 'D' ? 'FORBIDDEN_CATEGORY' : 'CONSENT_REQUIRED', category } });
    return null;
  };
  const ids = (list: string[]) => list.map((id) => ({ id }));
  const child = {
    firstName: gate('IDENTITY', ['child', 'firstName'], () => data.firstName),
    protectionStatus: gate('PROTECTION_STATUS', ['child', 'protectionStatus'], () => ({ level: data.protectionLevel })),
    dossier: gate('PROTECTION_DETAILS', ['child', 'dossier'], () => (data.dossier ? { id: data.dossier } : null)),
    placement: gate('PLACEMENT_LOCATION', ['child', 'placement'], () => (data.placement ? { id: data.placement } : null)),
    pmiFollowUp: gate('HEALTH_FOLLOW_UP', ['child', 'pmiFollowUp'], () => (data.pmiFollowUp ? { id: data.pmiFollowUp } : null)),
    healthRecord: gate('HEALTH_DETAILS', ['child', 'healthRecord'], () => (data.checks ? { checks: ids(data.checks) } : null)),
    childcare: gate('CHILDCARE', ['child', 'childcare'], () => ids(data.childcare)),
    concerns: gate('CONCERN', ['child', 'concerns'], () =>
      data.concerns.map((concern, i) => ({
        id: concern.id,
        raisedBy: gate('REPORTER_IDENTITY', ['child', 'concerns', i, 'raisedBy'], () => ({ name: concern.raisedBy })),
      })),
    ),
    courtDecisions: gate('COURT_DECISION', ['child', 'courtDecisions'], () =>
      data.courtDecisions.map((id, i) => ({
        id,
        content: gate('COURT_DECISION_CONTENT', ['child', 'courtDecisions', i, 'content'], () => expect.stringContaining('texte fictif')),
      })),
    ),
  };
  return { data: { child }, errors };
}

/** Errors as (path, extensions) in a stable order; the prose of messages is not the contract. */
export function comparableErrors(errors: ReadonlyArray<{ path?: Path; extensions?: Record<string, unknown> }> | undefined): ExpectedError[] {
  return (errors ?? [])
    .map((error) => ({ path: error.path ?? [], extensions: error.extensions as ExpectedError['extensions'] }))
    .sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path)));
}

/** A calendar day in Paris, `days` from today (`YYYY-MM-DD`): calendar days, see test/support/paris-day.ts. */
export { parisDay } from '../support/paris-day';
