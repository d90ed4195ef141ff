import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_AGENTS } from '../../dev/demo-agents';
import { hubPost } from '../support/hub-client';
import { startTestFederation, type TestFederation } from '../support/in-process-federation';
import type { DemoAgentId } from '../support/tokens';
import { parisDay } from './policy-oracle';

/**
 * Every operation file in examples/ (the README's copy-paste journeys) run through the hub,
 * in the README's order, as the agent its first line names (`# as: <agent-id>`), then as the
 * other personas the README shows. An example that no longer runs fails here, not in a reader's terminal.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const DIR = join(__dirname, '../../examples');
const read = (file: string) => readFileSync(join(DIR, file), 'utf8');
const operation = (name: string) => read(`${name}.graphql`);
const variablesFile = (name: string) => JSON.parse(read(`${name}.variables.json`)) as Record<string, unknown>;
function agentOf(name: string): DemoAgentId {
  const match = /^# as: (\S+)\n/.exec(operation(name));
  const agent = DEMO_AGENTS.find((candidate) => candidate.id === match?.[1]);
  if (!agent) throw new Error(`examples/${name}.graphql: the first line must be "# as: <demo agent id>"`);
  return agent.id;
}

interface Run {
  /** examples/<name>.graphql */
  name: string;
  /** Another persona than the file's own, as the README shows. */
  as?: DemoAgentId;
  variables?: () => Record<string, unknown>;
  /** Error codes this run must give, in order; none unless said. */
  errors?: string[];
  /** What `data` must contain (arrays: exactly these items, each at least these fields). */
  data?: () => Record<string, unknown>;
  /** What a later run needs from this one. */
  keep?: (data: unknown) => void;
}

const state = { concernId: '', observedAt: '' };
/**
 * As the README's command does: the observation day is set to today (Paris), so the example
 * never ages out. Set once: the second run is the same request again (the same concern), not
 * one observed a day later if midnight passed in between (the same key then is a CONFLICT).
 */
const flagVariables = () => {
  const variables = variablesFile('rpe-flag-concern') as { input: Record<string, unknown> };
  state.observedAt ||= parisDay(0);
  return { input: { ...variables.input, observedAt: state.observedAt } };
};
const ids = (...values: string[]) => values.map((id) => ({ id }));
const leaTimeline = (events: number, withheld: unknown[]) => ({ child: { timeline: { events: Array.from({ length: events }, () => expect.any(Object)), withheld } } });
const consentRequired = (category: string, count: number) => ({ category, count, reason: 'CONSENT_REQUIRED' });

const RUNS: Run[] = [
  // Journey 1: the PMI nurse, then who else asks the same, then what the référent is told.
  { name: 'nurse-my-children', data: () => ({ myChildren: ids('child-lea', 'child-noah') }) },
  { name: 'nurse-my-children', as: 'agent-pmi-hugo', data: () => ({ myChildren: ids('child-ines') }) },
  { name: 'nurse-my-children', as: 'agent-rpe-amina', errors: ['FORBIDDEN_CATEGORY', 'FORBIDDEN_CATEGORY', 'FORBIDDEN_CATEGORY'] },
  {
    name: 'ase-access-notifications',
    data: () => ({ accessNotifications: [{ childId: 'child-ines', viewer: { name: 'Hugo Lefèvre' } }, { childId: 'child-lea', viewer: { name: 'Claire Dubois' } }] }),
  },
  // Journey 2: the relais flags (twice: one concern), the CRIP acknowledges, the relais follows.
  {
    name: 'rpe-flag-concern',
    variables: flagVariables,
    data: () => ({ flagConcern: { status: 'SUBMITTED', children: [{ firstName: 'Noah' }] } }),
    keep: (data) => (state.concernId = (data as { flagConcern: { id: string } }).flagConcern.id),
  },
  { name: 'rpe-flag-concern', variables: flagVariables, data: () => ({ flagConcern: { id: state.concernId } }) },
  { name: 'crip-inbox', data: () => ({ concernsInbox: ids(state.concernId, 'concern-sacha-1') }) },
  { name: 'crip-inbox', as: 'agent-ase-nathalie', data: () => ({ concernsInbox: [{ raisedBy: { name: 'Amina Diallo' } }, { raisedBy: { name: 'Amina Diallo' } }] }) },
  { name: 'crip-inbox', as: 'agent-pmi-claire', errors: ['FORBIDDEN'] },
  { name: 'crip-inbox', as: 'agent-rpe-amina', errors: ['FORBIDDEN'] },
  { name: 'crip-acknowledge', as: 'agent-rpe-amina', variables: () => ({ id: state.concernId }), errors: ['FORBIDDEN'] },
  { name: 'crip-acknowledge', variables: () => ({ id: state.concernId }), data: () => ({ acknowledgeConcern: { id: state.concernId, status: 'ACKNOWLEDGED' } }) },
  { name: 'rpe-my-concerns', data: () => ({ myRelaisConcerns: [{ id: state.concernId, status: 'ACKNOWLEDGED' }, { id: 'concern-sacha-1', status: 'UNDER_EVALUATION' }] }) },
  // Journey 3: the référent's timeline, other viewers, then a consent.
  { name: 'ase-timeline', data: () => leaTimeline(8, [consentRequired('HEALTH_DETAILS', 3)]) },
  { name: 'ase-timeline', variables: () => ({ from: '2025-01-01', to: '2025-12-31' }), data: () => leaTimeline(4, [consentRequired('HEALTH_DETAILS', 1)]) },
  { name: 'ase-timeline', as: 'agent-pmi-claire', data: () => leaTimeline(7, [consentRequired('CHILDCARE', 1), consentRequired('PROTECTION_DETAILS', 2)]) },
  { name: 'ase-timeline', as: 'agent-rpe-amina', data: () => leaTimeline(1, []) },
  { name: 'ase-timeline', as: 'agent-tj-helene', variables: () => ({ id: 'child-ines' }), data: () => ({ child: { firstName: 'Inès', timeline: { withheld: [consentRequired('HEALTH_DETAILS', 3)] } } }) },
  { name: 'ase-timeline', as: 'agent-pmi-claire', variables: () => ({ id: 'child-ines' }), errors: ['NOT_FOUND'] },
  { name: 'ase-record-consent', variables: () => variablesFile('ase-record-consent'), data: () => ({ recordConsent: { childId: 'child-lea', categories: ['HEALTH_DETAILS'] } }) },
  { name: 'ase-timeline', data: () => leaTimeline(11, []) },
];

describe('examples/', () => {
  it('has a run below for every operation file, and a variables file only beside its operation', () => {
    const files = readdirSync(DIR);
    const operations = files.filter((file) => file.endsWith('.graphql')).map((file) => file.replace(/\.graphql$/, ''));
    expect([...new Set(RUNS.map((run) => run.name))].sort()).toEqual(operations.sort());
    for (const file of files.filter((name) => name.endsWith('.variables.json'))) expect(operations).toContain(file.replace(/\.variables\.json$/, ''));
    expect(files.filter((file) => !/\.(graphql|variables\.json)$/.test(file))).toEqual([]);
    for (const name of operations) expect(agentOf(name)).toMatch(/^agent-/);
  });

  it.each(RUNS.map((run, index) => [index + 1, run.name, run.as ?? `${agentOf(run.name)} (its own)`, run] as const))(
    '%i. %s as %s',
    async (_index, name, _as, run) => {
      const { status: httpStatus, body } = await hubPost(federation.hubUrl, run.as ?? agentOf(name), operation(name), run.variables?.() ?? {});
      // A refused operation's HTTP status is the hub's choice (400 today); an answered one is 200.
      const status = run.errors?.includes('FORBIDDEN') ? expect.any(Number) : 200;
      expect({ status: httpStatus, errors: (body.errors ?? []).map((error) => error.extensions?.code) }).toEqual({ status, errors: run.errors ?? [] });
      if (!run.errors) expect(body.data).toMatchObject(run.data?.() ?? {});
      run.keep?.(body.data);
    },
  );
});
