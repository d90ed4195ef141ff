import { ALL_ROLES, Role, type Viewer } from '../../common/src/domain';
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

describe('care relationships asked on behalf of a signed viewer', () => {
  const query = (name: SubgraphName) => `query ($agentId: ID!, $role: String!, $institution: String!) {
    ${careRelationshipsFieldName(SOURCE_OF[name])}(agentId: $agentId, role: $role, institution: $institution, childIds: null) { childId } }`;
  const ask = async (name: SubgraphName, signed: Viewer, asked: Viewer) => {
    const res = await signedPost<Record<string, Array<{ childId: string }>>>(running.get(name)!, TEST_HUB_SECRET, query(name), { ...asked }, signed);
    const field = careRelationshipsFieldName(SOURCE_OF[name]);
    return {
      some: (res.body.data?.[field]?.length ?? 0) > 0,
      errors: res.body.errors?.map((error) => ({ code: error.extensions?.code, path: error.path })),
    };
  };
  /** An agent with relationships in each institution, and one claim to swap for each. */
  const VIEWERS: Array<{ name: SubgraphName; viewer: Viewer; otherRole: Role; otherInstitution: string }> = [
    { name: 'ase', viewer: { agentId: 'agent-ase-julien', role: Role.ASE_REFERENT, institution: 'ASE-75' }, otherRole: Role.ASE_MANAGER, otherInstitution: 'ASE-92' },
    { name: 'pmi', viewer: { agentId: 'agent-pmi-claire', role: Role.PMI_NURSE, institution: 'PMI-75' }, otherRole: Role.PMI_DOCTOR, otherInstitution: 'PMI-92' },
    { name: 'rpe', viewer: { agentId: 'agent-rpe-amina', role: Role.RPE_COORDINATOR, institution: 'RPE-75-11' }, otherRole: Role.CRIP_EVALUATOR, otherInstitution: 'RPE-75-12' },
    { name: 'justice', viewer: { agentId: 'agent-tj-helene', role: Role.JUDGE, institution: 'TJ-PARIS' }, otherRole: Role.DPO, otherInstitution: 'TJ-LYON' },
  ];

  it.each(VIEWERS)('$name answers its viewer asking as itself, as the hub asks', async ({ name, viewer }) => {
    expect(await ask(name, viewer, viewer)).toEqual({ some: true, errors: undefined });
  });

  it.each(VIEWERS.flatMap(({ name, viewer, otherRole, otherInstitution }) => [
    { name, claim: 'role', viewer, asked: { ...viewer, role: otherRole } },
    { name, claim: 'institution', viewer, asked: { ...viewer, institution: otherInstitution } },
    { name, claim: 'agentId', viewer, asked: { ...viewer, agentId: 'agent-someone-else' } },
  ]))('$name refuses arguments whose $claim is not the signed viewer’s', async ({ name, viewer, asked }) => {
    expect(await ask(name, viewer, asked)).toEqual({ some: false, errors: [{ code: 'FORBIDDEN', path: [careRelationshipsFieldName(SOURCE_OF[name])] }] });
  });
});

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
