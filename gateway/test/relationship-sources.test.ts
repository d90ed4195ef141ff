import { ALL_ROLES, type Role } from '../../common/src/domain';
import { careRelationshipsFieldName } from '../../common/src/federation/care-relationships';
import { SUBGRAPHS } from '../../services';
import { signedPost } from '../../test/support/subgraph-client';
import { startTestSubgraph, TEST_HUB_SECRET, type TestSubgraph } from '../../test/support/start-test-subgraph';
import type { SubgraphName } from '../src/config';
import { RELATIONSHIP_SOURCES, SOURCE_OF } from '../src/facts/care-relationships.loader';

/**
 * The hub asks only RELATIONSHIP_SOURCES[role] for a role's care relationships. That is
 * safe only if no other institution would ever vouch for that role: checked here against
 * each subgraph's real finder, on the seeded demo data, for every role, with the agents and
 * institutions that do have relationships somewhere.
 */
const INSTITUTIONS = ['ASE-75', 'PMI-75', 'RPE-75-11', 'TJ-PARIS'];
const AGENTS = ['agent-pmi-claire', 'agent-pmi-hugo', 'agent-rpe-amina', 'agent-ase-julien', 'agent-ase-nathalie', 'agent-crip-karim', 'agent-tj-helene', 'agent-dpo-marc'];

const running = new Map<SubgraphName, TestSubgraph>();
beforeAll(async () => {
  for (const definition of SUBGRAPHS) {
    const subgraph = await startTestSubgraph(definition);
    await definition.seedDemo(subgraph.dataSource);
    running.set(definition.name as SubgraphName, subgraph);
  }
}, 60_000);
afterAll(async () => {
  for (const subgraph of running.values()) await subgraph.stop();
});

async function relatedChildren(name: SubgraphName, role: Role): Promise<string[]> {
  const field = careRelationshipsFieldName(SOURCE_OF[name]);
  const query = `query ($agentId: ID!, $role: String!, $institution: String!) {
    ${field}(agentId: $agentId, role: $role, institution: $institution, childIds: null) { childId } }`;
  const found: string[] = [];
  for (const agentId of AGENTS) {
    for (const institution of INSTITUTIONS) {
      const res = await signedPost<Record<string, Array<{ childId: string }>>>(running.get(name)!, TEST_HUB_SECRET, query, { agentId, role, institution });
      expect(res.body.errors).toBeUndefined();
      found.push(...(res.body.data?.[field] ?? []).map((record) => record.childId));
    }
  }
  return found;
}

describe.each(ALL_ROLES)('care relationships of a %s', (role) => {
  it('come from no institution outside the ones the hub asks', async () => {
    for (const name of running.keys()) {
      if (RELATIONSHIP_SOURCES[role].includes(name)) continue;
      expect({ institution: name, children: await relatedChildren(name, role) }).toEqual({ institution: name, children: [] });
    }
  });

  it('are found in every institution the hub asks (the list holds no dead entry)', async () => {
    for (const name of RELATIONSHIP_SOURCES[role]) {
      expect({ institution: name, some: (await relatedChildren(name, role)).length > 0 }).toEqual({ institution: name, some: true });
    }
  });
});
