import { createDataSource } from '../../common/src/db/data-source';
import { signDevToken } from '../../dev/sign-dev-token';
import { Role } from '../../common/src/domain';
import { withDatabase } from '../../common/src/db/databases';
import { testServerUrl } from '../support/databases';
import { hubPost } from '../support/hub-client';
import { insertBulkChildren } from '../support/bulk-children';
import { startTestFederation, type TestFederation } from '../support/in-process-federation';
import { LIST_QUERY } from '../../bench/operations';

// A list of N children must cost each subgraph (and the hub's own database) a constant
// number of SQL statements: DataLoaders batch every relation and reference.
let federation: TestFederation;

// The benchmark's list query (bench/operations.ts): the figures it reports are the ones checked here.
const MY_CHILDREN = LIST_QUERY;

async function statementsFor(referentId: string): Promise<{ children: number; perService: Record<string, number> }> {
  const token = await signDevToken({ id: referentId, name: 'Référent fictif', role: Role.ASE_REFERENT, institution: 'ASE-75' });
  for (const counter of federation.sql.values()) counter.reset();
  const response = await hubPost<{ myChildren: unknown[] }>(federation.hubUrl, { authorization: `Bearer ${token}` }, MY_CHILDREN);
  expect(response.body.errors).toBeUndefined();
  const perService = Object.fromEntries([...federation.sql.entries()].map(([name, counter]) => [name, counter.total]));
  return { children: response.body.data?.myChildren.length ?? 0, perService };
}

beforeAll(async () => {
  // The hub also reads its audit head once a minute (the anchor log line): a read landing
  // in a measured request would count as one of its statements. Once a day is never here.
  federation = await startTestFederation({ AUDIT_ANCHOR_INTERVAL_MS: String(86_400_000) });
  // The hub's directory is written through its owner (the runtime role may only insert via the API).
  const hubOwner = createDataSource({ url: withDatabase(testServerUrl(), `${federation.prefix}_hub`), applicationName: 'test-bulk', entities: [], migrations: [] });
  await hubOwner.initialize();
  const source = (name: string) => {
    const subgraph = federation.subgraphs.get(name);
    if (!subgraph) throw new Error(`no ${name}`);
    return subgraph.dataSource;
  };
  const sources = { hub: hubOwner, ase: source('ase'), pmi: source('pmi'), rpe: source('rpe'), justice: source('justice') };
  await insertBulkChildren(sources, 'agent-bulk-ten', 10);
  await insertBulkChildren(sources, 'agent-bulk-many', 200);
  await hubOwner.destroy();
}, 90_000);
afterAll(() => federation?.stop());

describe('SQL statements per request', () => {
  it('do not grow from 10 to 200 children, in any subgraph or in the hub', async () => {
    // The hub's first audit write reads the chain head under the append lock; later ones
    // chain from the head it wrote. Measure the steady state.
    await statementsFor('agent-bulk-ten');
    const ten = await statementsFor('agent-bulk-ten');
    const many = await statementsFor('agent-bulk-many');
    expect(ten.children).toBe(10);
    expect(many.children).toBe(200);
    expect(many.perService).toEqual(ten.perService);
  });

  it('stay under a small constant per service for 200 children', async () => {
    const { perService } = await statementsFor('agent-bulk-many');
    for (const [service, count] of Object.entries(perService)) {
      expect({ service, count, atMost8: count <= 8 }).toEqual({ service, count, atMost8: true });
    }
  });
});
