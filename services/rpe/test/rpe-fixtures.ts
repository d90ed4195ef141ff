import { Role, type Viewer } from '../../../common/src/domain';
import { signedPost, type GraphQLResponse } from '../../../test/support/subgraph-client';
import { TEST_HUB_SECRET, type TestSubgraph } from '../../../test/support/start-test-subgraph';

/** Demo agents of DESIGN.md, plus strangers from other départements and relais. */
export const amina: Viewer = { agentId: 'agent-rpe-amina', role: Role.RPE_COORDINATOR, institution: 'RPE-75-11' };
export const otherRelais: Viewer = { agentId: 'agent-rpe-other', role: Role.RPE_COORDINATOR, institution: 'RPE-75-12' };
export const karim: Viewer = { agentId: 'agent-crip-karim', role: Role.CRIP_EVALUATOR, institution: 'ASE-75' };
export const nathalie: Viewer = { agentId: 'agent-ase-nathalie', role: Role.ASE_MANAGER, institution: 'ASE-75' };
export const julien: Viewer = { agentId: 'agent-ase-julien', role: Role.ASE_REFERENT, institution: 'ASE-75' };
export const lyonCrip: Viewer = { agentId: 'agent-crip-lyon', role: Role.CRIP_EVALUATOR, institution: 'ASE-69' };
export const helene: Viewer = { agentId: 'agent-tj-helene', role: Role.JUDGE, institution: 'TJ-PARIS' };
export const claire: Viewer = { agentId: 'agent-pmi-claire', role: Role.PMI_NURSE, institution: 'PMI-75' };

export type Errors = GraphQLResponse['body']['errors'];

/** A signed call as `viewer`; `data` typed loosely, errors as the subgraph returns them. */
export function call<T = Record<string, unknown>>(subgraph: TestSubgraph, query: string, variables: Record<string, unknown>, viewer: Viewer | null) {
  return signedPost<T>(subgraph, TEST_HUB_SECRET, query, variables, viewer);
}

/** The `extensions` of the first error, without anything but code and field. */
export function firstError(errors: Errors): { code: unknown; field: unknown } | undefined {
  const extensions = errors?.[0]?.extensions;
  return extensions ? { code: extensions.code, field: extensions.field } : undefined;
}

export async function countRows(subgraph: TestSubgraph, table: 'concern' | 'concern_child' | 'childminder' | 'childcare_arrangement' | 'relais' | 'rpe_agent'): Promise<number> {
  const [{ count }] = await subgraph.dataSource.query(`SELECT count(*)::int AS count FROM ${table}`);
  return count;
}

export const CONCERN_FIELDS = `id status category severity observedAt raisedAt description feedbackDueBy
  acknowledgedAt evaluationStartedAt closedAt outcome children { id } childminder { id name } raisedBy { name institution phone email }`;
