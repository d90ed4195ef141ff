import { hubPost } from '../support/hub-client';
import { startTestFederation, type TestFederation } from '../support/in-process-federation';
import {
  AGENTS,
  type ChildData,
  type ChildId,
  CHILDREN,
  comparableErrors,
  type DemoAgent,
  expectedMatrixAnswer,
  MATRIX_QUERY,
  parisDay,
  SEEDED_DATA,
  SEEDED_RELATIONSHIPS,
} from './policy-oracle';

/**
 * Every demo agent × every demo child, one representative field per category, checked
 * against the test's own transcription of DESIGN.md (policy-oracle.ts): the whole data and
 * the exact set of (path, code, category) errors.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const CELLS = AGENTS.flatMap((agent) => CHILDREN.map((childId) => [agent.id, childId, agent, childId] as const));

async function assertCell(agent: DemoAgent, childId: ChildId, relationships: Record<string, readonly ChildId[]>, data: ChildData): Promise<void> {
  const res = await hubPost(federation.hubUrl, agent.id, MATRIX_QUERY, { id: childId });
  const expected = expectedMatrixAnswer(agent, childId, relationships, data);
  expect(res.status).toBe(200);
  if (expected.data.child === null) {
    expect(res.body).toEqual({ data: { child: null }, errors: [{ message: 'Child not found', path: ['child'], extensions: { code: 'NOT_FOUND' } }] });
    return;
  }
  expect({ data: res.body.data, errors: comparableErrors(res.body.errors) }).toEqual({ data: expected.data, errors: comparableErrors(expected.errors) });
  // Each denied field: exactly one error, whose message carries nothing of the child.
  for (const error of res.body.errors ?? []) {
    expect(Object.keys(error).sort()).toEqual(['extensions', 'message', 'path']);
    expect(error.message).not.toMatch(/child-|dossier-|placement-|decision-|concern-|Martin|Petit|Garcia|Lambert/);
  }
}

describe('child(id) for every demo agent and child, as seeded', () => {
  it.each(CELLS)('%s reading %s', async (_agentId, _childId, agent, childId) => {
    await assertCell(agent, childId, SEEDED_RELATIONSHIPS, SEEDED_DATA[childId]);
  });
});

/**
 * The seeded scenario leaves two cells of the table unexercised: a reporter's identity
 * under a concern an ASE référent or a judge may read, and a decision's content under
 * decisions a CRIP evaluator may read. A concern raised about Léa by her relais creates
 * both: Léa gets a concern, and the CRIP of Paris a relationship with her.
 */
describe('child(id) for every demo agent and child, after Amina reports on Léa', () => {
  let data: Record<ChildId, ChildData>;
  let relationships: Record<string, readonly ChildId[]>;

  beforeAll(async () => {
    const res = await hubPost<{ flagConcern: { id: string } }>(
      federation.hubUrl,
      'agent-rpe-amina',
      `mutation Flag($input: FlagConcernInput!) { flagConcern(input: $input) { id } }`,
      {
        input: {
          idempotencyKey: 'matrix-flag-lea-1',
          childIds: ['child-lea'],
          childminderId: 'childminder-sophie',
          category: 'SAFETY',
          severity: 'MEDIUM',
          observedAt: parisDay(-2),
          description: 'Constat fictif pour le test de la matrice.',
        },
      },
    );
    const concernId = res.body.data?.flagConcern.id;
    if (!concernId) throw new Error(`flagConcern failed: ${JSON.stringify(res.body)}`);
    data = { ...SEEDED_DATA, 'child-lea': { ...SEEDED_DATA['child-lea'], concerns: [{ id: concernId, raisedBy: 'Amina Diallo' }] } };
    relationships = { ...SEEDED_RELATIONSHIPS, 'agent-crip-karim': ['child-lea', 'child-sacha'] };
  });

  it.each(CELLS)('%s reading %s', async (_agentId, _childId, agent, childId) => {
    await assertCell(agent, childId, relationships, data[childId]);
  });

  it.each([
    ['a judge: the reporter is withheld', 'agent-tj-helene', ['child', 'concerns', 0, 'raisedBy'], 'REPORTER_IDENTITY'],
    ['an ASE référent: the reporter is withheld', 'agent-ase-julien', ['child', 'concerns', 0, 'raisedBy'], 'REPORTER_IDENTITY'],
  ] as const)('exercises the nested cell for %s', async (_label, agentId, path, category) => {
    const res = await hubPost(federation.hubUrl, agentId, MATRIX_QUERY, { id: 'child-lea' });
    expect(comparableErrors(res.body.errors)).toContainEqual({ path: [...path], extensions: { code: 'FORBIDDEN_CATEGORY', category } });
  });

  it('withholds a decision’s content, but not the decision, from the CRIP evaluator', async () => {
    const res = await hubPost(federation.hubUrl, 'agent-crip-karim', `query K { child(id: "child-lea") { courtDecisions { id content } } }`);
    expect(res.body).toEqual({
      data: { child: { courtDecisions: [{ id: 'decision-lea-aemo', content: null }] } },
      errors: [
        {
          message: expect.any(String),
          path: ['child', 'courtDecisions', 0, 'content'],
          extensions: { code: 'FORBIDDEN_CATEGORY', category: 'COURT_DECISION_CONTENT' },
        },
      ],
    });
  });
});
