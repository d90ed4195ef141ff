import { Role, type Viewer } from '../../../common/src/domain';
import { type GraphQLResponse, signedPost } from '../../../test/support/subgraph-client';
import { TEST_HUB_SECRET, type TestSubgraph } from '../../../test/support/start-test-subgraph';

export const claire: Viewer = { agentId: 'agent-pmi-claire', role: Role.PMI_NURSE, institution: 'PMI-75' };
export const hugo: Viewer = { agentId: 'agent-pmi-hugo', role: Role.PMI_NURSE, institution: 'PMI-75' };
/** Not in the seed: a doctor needs no row here to relate to the institution's children. */
export const doctor: Viewer = { agentId: 'agent-pmi-doctor', role: Role.PMI_DOCTOR, institution: 'PMI-75' };

/** Every Child field this subgraph contributes, nested ones included. */
export const CHILD_FIELDS = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Child { id
  pmiFollowUp { id institution since status closedOn nurse { name institution phone email } lastVisitOn visitCount }
  healthRecord {
    checks { id kind checkedOn findings examinerName }
    visits { id visitedOn notes nurse { name institution phone email } }
    vaccination { status details updatedOn } } } } }`;

export const RELATIONSHIPS = `query ($agentId: ID!, $role: String!, $institution: String!, $childIds: [ID!]) {
  _pmiCareRelationships(agentId: $agentId, role: $role, institution: $institution, childIds: $childIds) { childId kind } }`;

/** A client bound to one running subgraph, signing like the hub. */
export function clientOf(subgraph: TestSubgraph) {
  return <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, viewer: Viewer | null = null): Promise<GraphQLResponse<T>> =>
    signedPost<T>(subgraph, TEST_HUB_SECRET, query, variables, viewer);
}

export async function countRows(subgraph: TestSubgraph, table: string): Promise<number> {
  const [{ count }] = await subgraph.dataSource.query(`SELECT count(*)::int AS count FROM ${table}`);
  return count;
}

/** A calendar day safely after today in any time zone. */
export function dayAfterTomorrow(): string {
  return new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
}
