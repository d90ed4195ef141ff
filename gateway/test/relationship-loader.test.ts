import { Role, Source, type Viewer } from '../../common/src/domain';
import { freePort } from '../../common/src/net';
import { SUBGRAPHS } from '../../services';
import { startTestSubgraph, TEST_HUB_SECRET, type TestSubgraph } from '../../test/support/start-test-subgraph';
import type { SubgraphName } from '../src/config';
import { CareRelationshipsLoader } from '../src/facts/care-relationships.loader';
import { createSignedFetch, type SignedFetch } from '../src/federation/signed-fetch';

/**
 * The per-request relationship loader against the real ASE and RPE subgraphs (demo data):
 * a CRIP evaluator's relationships are asked of RPE first, then of ASE only about the
 * children RPE did not vouch for; an institution that cannot answer is noted, never guessed.
 * In the demo data the CRIP of Paris knows Sacha through a relais' concern (RPE) and an
 * evaluation (ASE); Léa is given an evaluation here, so only ASE knows her.
 */
const KARIM: Viewer = { agentId: 'agent-crip-karim', role: Role.CRIP_EVALUATOR, institution: 'ASE-75' };
const running = new Map<SubgraphName, TestSubgraph>();
let closedUrl: string;

beforeAll(async () => {
  for (const definition of SUBGRAPHS.filter((item) => item.name === 'ase' || item.name === 'rpe')) {
    const subgraph = await startTestSubgraph(definition);
    await definition.seedDemo(subgraph.dataSource);
    running.set(definition.name as SubgraphName, subgraph);
  }
  await running.get('ase')!.dataSource.query(
    `INSERT INTO crip_evaluation (id, child_id, institution, received_on, origin, evaluator_id, status, idempotency_key, recorded_by)
     VALUES ('eval-lea-test', 'child-lea', 'ASE-75', '2026-11-02', 'EDUCATION', 'agent-crip-karim', 'OPEN', 'test-eval-lea', 'test')`,
  );
  closedUrl = `http://127.0.0.1:${await freePort()}/graphql`;
}, 60_000);
afterAll(async () => {
  for (const subgraph of running.values()) await subgraph.stop();
});

/** A loader as one request builds it, with a record of which institution was asked about whom. */
function loaderFor(down: SubgraphName[] = []) {
  const calls: Array<{ subgraph: string; childIds: string[] | null }> = [];
  const signed = createSignedFetch(TEST_HUB_SECRET, 5_000);
  const urls = {
    ase: down.includes('ase') ? closedUrl : running.get('ase')!.url,
    rpe: down.includes('rpe') ? closedUrl : running.get('rpe')!.url,
    pmi: closedUrl,
    justice: closedUrl,
  };
  const fetch: SignedFetch = (url, init) => {
    const subgraph = (Object.keys(urls) as SubgraphName[]).find((name) => urls[name] === url && !down.includes(name)) ?? 'down';
    calls.push({ subgraph, childIds: (JSON.parse(String(init?.body)) as { variables: { childIds: string[] | null } }).variables.childIds });
    return signed(url, init);
  };
  const unavailable = new Set<SubgraphName>();
  const loader = new CareRelationshipsLoader({ fetch, urls, viewer: KARIM, requestId: 'test-request-0001', unavailable });
  return { loader, calls, unavailable };
}

describe('care relationships asked in turn', () => {
  it('asks ASE nothing when RPE vouches for every child', async () => {
    const { loader, calls } = loaderFor();
    const facts = await loader.forChildren(['child-sacha']);
    expect(facts.get('child-sacha')).toEqual({ kinds: ['rpe:CRIP_RECEIVED_CONCERN'], unavailable: [] });
    expect(calls).toEqual([{ subgraph: 'rpe', childIds: ['child-sacha'] }]);
  });

  it('asks ASE only about the children RPE did not vouch for', async () => {
    const { loader, calls } = loaderFor();
    const facts = await loader.forChildren(['child-sacha', 'child-lea', 'child-unknown']);
    expect(calls).toEqual([
      { subgraph: 'rpe', childIds: ['child-sacha', 'child-lea', 'child-unknown'] },
      { subgraph: 'ase', childIds: ['child-lea', 'child-unknown'] },
    ]);
    expect(facts.get('child-sacha')!.kinds).toEqual(['rpe:CRIP_RECEIVED_CONCERN']);
    expect(facts.get('child-lea')!.kinds).toEqual(['ase:CRIP']);
    expect(facts.get('child-unknown')).toEqual({ kinds: [], unavailable: [] });
  });

  it('asks ASE about every child when RPE cannot answer, and says so for the children ASE does not know', async () => {
    const { loader, calls, unavailable } = loaderFor(['rpe']);
    const facts = await loader.forChildren(['child-sacha', 'child-lea', 'child-unknown']);
    expect(calls.map((call) => call.childIds)).toEqual([['child-sacha', 'child-lea', 'child-unknown'], ['child-sacha', 'child-lea', 'child-unknown']]);
    expect(facts.get('child-sacha')!.kinds).toEqual(['ase:CRIP']);
    expect(facts.get('child-lea')!.kinds).toEqual(['ase:CRIP']);
    // Unknown, not "no relationship": RPE might have vouched for this child.
    expect(facts.get('child-unknown')).toEqual({ kinds: [], unavailable: [Source.RPE] });
    expect([...unavailable]).toEqual(['rpe']);
  });

  it('does not wait again in the same request for an institution that could not answer', async () => {
    const { loader, calls } = loaderFor(['rpe']);
    await loader.forChildren(['child-sacha']);
    calls.length = 0;
    const facts = await loader.forChildren(['child-lea', 'child-unknown']);
    expect(calls).toEqual([{ subgraph: 'ase', childIds: ['child-lea', 'child-unknown'] }]);
    expect(facts.get('child-unknown')).toEqual({ kinds: [], unavailable: [Source.RPE] });
  });

  it('leaves a relationship unknown when the only institution left to ask cannot answer', async () => {
    const { loader } = loaderFor(['ase']);
    const facts = await loader.forChildren(['child-sacha', 'child-lea']);
    expect(facts.get('child-sacha')!.kinds).toEqual(['rpe:CRIP_RECEIVED_CONCERN']);
    expect(facts.get('child-lea')).toEqual({ kinds: [], unavailable: [Source.ASE] });
  });

  it('still asks every institution at once for the list of all the viewer\'s children', async () => {
    const { loader, calls } = loaderFor();
    const all = await loader.all();
    expect(calls.map((call) => call.subgraph).sort()).toEqual(['ase', 'rpe']);
    expect(calls.every((call) => call.childIds === null)).toBe(true);
    expect(all.byChild.get('child-sacha')!.sort()).toEqual(['ase:CRIP', 'rpe:CRIP_RECEIVED_CONCERN']);
    expect(all.byChild.get('child-lea')).toEqual(['ase:CRIP']);
  });
});
