import { hubPost } from '../support/hub-client';
import { startTestFederation, type TestFederation } from '../support/in-process-federation';
import { parisDay } from './policy-oracle';

/**
 * The hub's child directory cannot be read (its database away, or the statement timed out)
 * while everything else answers. A fact the hub cannot read is never answered as "no such
 * child" or "no children": it is SOURCE_UNAVAILABLE (source HUB), and nothing is released
 * or written.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const unavailable = { message: expect.any(String), extensions: { code: 'SOURCE_UNAVAILABLE', source: 'HUB' } };

/** Makes the directory's lookup by id fail as a cut connection does, for the duration of `run`. */
async function withDirectoryDown<T>(run: () => Promise<T>): Promise<T> {
  const dataSource = federation.hub.dataSource;
  const query = dataSource.query.bind(dataSource);
  const down = (sql: string, ...rest: unknown[]) =>
    sql.startsWith('SELECT id, first_name, last_name, birth_date') ? Promise.reject(new Error('Connection terminated unexpectedly')) : (query as (...args: unknown[]) => Promise<unknown>)(sql, ...rest);
  Object.assign(dataSource, { query: down });
  try {
    return await run();
  } finally {
    Object.assign(dataSource, { query });
  }
}

describe('myChildren with the directory unreadable', () => {
  it('answers SOURCE_UNAVAILABLE, not an empty list (Claire follows Léa and Noah)', async () => {
    const res = await withDirectoryDown(() => hubPost(federation.hubUrl, 'agent-pmi-claire', `query Mine { myChildren { id firstName } }`));
    expect(res.body).toEqual({ data: null, errors: [{ ...unavailable, path: ['myChildren'] }] });
  });
});

describe('a guarded write with the directory unreadable', () => {
  it.each([
    ['recordHomeVisit (relationship)', 'agent-pmi-claire', `mutation V($input: RecordHomeVisitInput!) { recordHomeVisit(input: $input) { id } }`, { idempotencyKey: 'outage-visit-0001', childId: 'child-lea', visitedOn: parisDay(-1), notes: 'Visite fictive.' }],
    ['openDossier (existence)', 'agent-ase-julien', `mutation O($input: OpenDossierInput!) { openDossier(input: $input) { id } }`, { idempotencyKey: 'outage-dossier-0001', childId: 'child-noah', referentId: 'agent-ase-julien', openedOn: parisDay(-1) }],
  ] as const)('%s answers SOURCE_UNAVAILABLE (503), not NOT_FOUND: the child exists', async (_label, as, mutation, input) => {
    const res = await withDirectoryDown(() => hubPost(federation.hubUrl, as, mutation, { input }));
    expect(res).toEqual({ status: 503, body: { errors: [unavailable] } });
  });
});
