import { Role } from '../../common/src/domain';
import { signDevToken } from '../../dev/sign-dev-token';
import { hubPost } from '../support/hub-client';
import { startTestFederation, type TestFederation } from '../support/in-process-federation';
import type { DemoAgentId } from '../support/tokens';
import { parisDay } from './policy-oracle';

/**
 * The A* cells: every release of a child's PROTECTION_STATUS to a non-ASE viewer (PMI, the
 * judge) tells the child's ASE référent who looked, when and from where (DESIGN.md, after
 * the table).
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const JULIEN = 'agent-ase-julien';
interface Notification { id: string; childId: string; category: string; read: boolean; viewer: { name: string; institution: string } }
const NOTIFICATIONS = `query Notifications($unreadOnly: Boolean) {
  accessNotifications(unreadOnly: $unreadOnly) { id childId category read viewer { name institution } }
}`;
const MARK = `mutation Mark($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`;
const statusOf = (childId: string) => `query Status { child(id: "${childId}") { protectionStatus { level } } }`;

async function notifications(as: DemoAgentId | { authorization: string } = JULIEN, unreadOnly: boolean | null = null): Promise<Notification[]> {
  const res = await hubPost<{ accessNotifications: Notification[] }>(federation.hubUrl, as, NOTIFICATIONS, { unreadOnly });
  if (!res.body.data) throw new Error(`accessNotifications failed: ${JSON.stringify(res.body)}`);
  return res.body.data.accessNotifications;
}
const withoutIds = (list: Notification[]) => list.map(({ id: _id, ...rest }) => rest);

describe('accessNotifications', () => {
  it.each([
    ['Claire reads Léa’s status', 'agent-pmi-claire', 'child-lea', [{ childId: 'child-lea', category: 'PROTECTION_STATUS', read: false, viewer: { name: 'Claire Dubois', institution: 'PMI-75' } }]],
    ['Hugo reads Inès’s status', 'agent-pmi-hugo', 'child-ines', [{ childId: 'child-ines', category: 'PROTECTION_STATUS', read: false, viewer: { name: 'Hugo Lefèvre', institution: 'PMI-75' } }]],
    ['Hélène reads Léa’s status (the judge: not ASE)', 'agent-tj-helene', 'child-lea', [{ childId: 'child-lea', category: 'PROTECTION_STATUS', read: false, viewer: { name: 'Hélène Girard', institution: 'TJ-PARIS' } }]],
    ['Claire reads Noah’s status (Noah has no référent)', 'agent-pmi-claire', 'child-noah', []],
    ['Julien reads Léa’s status himself (an ASE viewer)', JULIEN, 'child-lea', []],
    ['Nathalie reads Léa’s status (an ASE viewer)', 'agent-ase-nathalie', 'child-lea', []],
    ['Claire asks for Inès, who is not hers (nothing released)', 'agent-pmi-claire', 'child-ines', []],
  ] as const)('tells Julien exactly what is new when %s', async (_label, viewer, childId, expected) => {
    const before = new Set((await notifications()).map((notification) => notification.id));
    const read = await hubPost(federation.hubUrl, viewer, statusOf(childId));
    expect(read.status).toBe(200);
    const added = (await notifications()).filter((notification) => !before.has(notification.id));
    expect(withoutIds(added)).toEqual(expected);
  });

  // What else tells a non-ASE viewer that the child has a protection file notifies as well.
  const look = (childId: string, selection: string) => `query Look { child(id: "${childId}") { ${selection} } }`;
  it.each([
    ['Claire reads Léa’s timeline: its count of withheld measures tells the status', 'agent-pmi-claire', look('child-lea', 'timeline { withheld { category count reason } }'), [{ childId: 'child-lea', category: 'PROTECTION_STATUS', read: false, viewer: { name: 'Claire Dubois', institution: 'PMI-75' } }]],
    ['Hélène reads Léa’s measures', 'agent-tj-helene', look('child-lea', 'dossier { measures { kind startDate } }'), [{ childId: 'child-lea', category: 'PROTECTION_DETAILS', read: false, viewer: { name: 'Hélène Girard', institution: 'TJ-PARIS' } }]],
    ['Hélène reads where Inès is placed', 'agent-tj-helene', look('child-ines', 'placement { address }'), [{ childId: 'child-ines', category: 'PLACEMENT_LOCATION', read: false, viewer: { name: 'Hélène Girard', institution: 'TJ-PARIS' } }]],
    ['Claire asks for Léa’s measures without the parents’ consent (nothing released)', 'agent-pmi-claire', look('child-lea', 'dossier { measures { kind } }'), []],
    ['Claire reads Léa’s follow-up (nothing of the protection file)', 'agent-pmi-claire', look('child-lea', 'pmiFollowUp { since }'), []],
    // What the answer does not carry tells nothing: the counts unasked, the events unasked.
    ['Claire reads only the events of Léa’s timeline (the counts are not asked)', 'agent-pmi-claire', look('child-lea', 'timeline { events { kind } }'), []],
    ['Hélène reads only the counts of Léa’s timeline (no measure withheld from her)', 'agent-tj-helene', look('child-lea', 'timeline { withheld { category count } }'), []],
  ] as const)('tells Julien when %s', async (_label, viewer, query, expected) => {
    const before = new Set((await notifications()).map((notification) => notification.id));
    const read = await hubPost(federation.hubUrl, viewer, query);
    expect(read.status).toBe(200);
    const added = (await notifications()).filter((notification) => !before.has(notification.id));
    expect(withoutIds(added)).toEqual(expected);
  });

  it('gives each read its own notification, newest first', async () => {
    const before = new Set((await notifications()).map((notification) => notification.id));
    await hubPost(federation.hubUrl, 'agent-pmi-claire', statusOf('child-lea'));
    await hubPost(federation.hubUrl, 'agent-pmi-hugo', statusOf('child-ines'));
    const added = (await notifications()).filter((notification) => !before.has(notification.id));
    expect(withoutIds(added).map((notification) => [notification.childId, notification.viewer.name])).toEqual([
      ['child-ines', 'Hugo Lefèvre'],
      ['child-lea', 'Claire Dubois'],
    ]);
  });

  it('is empty for the ASE head, who is nobody’s référent', async () => {
    expect(await notifications('agent-ase-nathalie')).toEqual([]);
  });
});

describe('markNotificationsRead', () => {
  it('marks Julien’s unread notifications read and returns how many changed', async () => {
    await hubPost(federation.hubUrl, 'agent-pmi-claire', statusOf('child-lea'));
    const unread = await notifications(JULIEN, true);
    expect(unread.length).toBeGreaterThan(0);
    expect(unread.every((notification) => !notification.read)).toBe(true);

    const ids = unread.map((notification) => notification.id);
    expect((await hubPost(federation.hubUrl, JULIEN, MARK, { ids })).body).toEqual({ data: { markNotificationsRead: ids.length } });
    expect(await notifications(JULIEN, true)).toEqual([]);
    expect((await notifications()).every((notification) => notification.read)).toBe(true);
    // Marking again changes nothing.
    expect((await hubPost(federation.hubUrl, JULIEN, MARK, { ids })).body).toEqual({ data: { markNotificationsRead: 0 } });
  });

  it('ignores ids that are not the caller’s or not ids at all', async () => {
    await hubPost(federation.hubUrl, 'agent-pmi-claire', statusOf('child-lea'));
    const [newest] = await notifications(JULIEN, true);
    const res = await hubPost(federation.hubUrl, 'agent-ase-nathalie', MARK, { ids: [newest.id, 'not-a-uuid'] });
    expect(res.body).toEqual({ data: { markNotificationsRead: 0 } });
    expect((await notifications(JULIEN, true)).map((notification) => notification.id)).toContain(newest.id);
  });

  it.each([
    ['markNotificationsRead', MARK, { ids: [] }],
    ['accessNotifications', NOTIFICATIONS, {}],
  ])('is FORBIDDEN to the relais coordinator (%s)', async (_label, query, variables) => {
    const res = await hubPost(federation.hubUrl, 'agent-rpe-amina', query, variables);
    expect(res.body).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'FORBIDDEN' } }] });
  });
});

// Runs last: it gives Noah a référent, whom the cases above expect him not to have.
describe('accessNotifications of an ASE head named a child’s référent', () => {
  const NOAH_SEEN = [{ childId: 'child-noah', category: 'PROTECTION_STATUS', read: false, viewer: { name: 'Claire Dubois', institution: 'PMI-75' } }];
  beforeAll(async () => {
    const open = await hubPost(federation.hubUrl, 'agent-ase-nathalie', `mutation Open($input: OpenDossierInput!) { openDossier(input: $input) { id } }`, {
      input: { idempotencyKey: 'notifications-noah-dossier', childId: 'child-noah', referentId: 'agent-ase-nathalie', openedOn: parisDay(-1) },
    });
    expect(open.body.errors).toBeUndefined();
  });

  it('tells Nathalie, and only her, when Claire reads Noah’s status', async () => {
    const otherHead = { authorization: `Bearer ${await signDevToken({ id: 'agent-ase-head-2', name: 'Cheffe fictive', role: Role.ASE_MANAGER, institution: 'ASE-75' })}` };
    const before = async (as: DemoAgentId | { authorization: string }) => new Set((await notifications(as)).map((notification) => notification.id));
    const [nathalie, julien, head] = [await before('agent-ase-nathalie'), await before(JULIEN), await before(otherHead)];
    const read = await hubPost<{ child: { protectionStatus: { level: string } } }>(federation.hubUrl, 'agent-pmi-claire', statusOf('child-noah'));
    expect(read.body).toEqual({ data: { child: { protectionStatus: { level: 'NONE' } } } });

    const added = async (as: DemoAgentId | { authorization: string }, seen: Set<string>) => withoutIds((await notifications(as)).filter((notification) => !seen.has(notification.id)));
    expect(await added('agent-ase-nathalie', nathalie)).toEqual(NOAH_SEEN);
    expect(await added(JULIEN, julien)).toEqual([]);
    expect(await added(otherHead, head)).toEqual([]);
  });

  it('lets Nathalie mark it read, and nobody else', async () => {
    await hubPost(federation.hubUrl, 'agent-pmi-claire', statusOf('child-noah'));
    const ids = (await notifications('agent-ase-nathalie', true)).map((notification) => notification.id);
    expect(ids.length).toBeGreaterThan(0);
    expect((await hubPost(federation.hubUrl, JULIEN, MARK, { ids })).body).toEqual({ data: { markNotificationsRead: 0 } });
    expect((await hubPost(federation.hubUrl, 'agent-ase-nathalie', MARK, { ids })).body).toEqual({ data: { markNotificationsRead: ids.length } });
    expect(await notifications('agent-ase-nathalie', true)).toEqual([]);
  });
});

// A concern naming Léa and Noah: Hélène relates to Léa (her court) but not to Noah, so the
// concern is withheld from her, and everything inside it, Léa's timeline included.
describe('a timeline inside a withheld field', () => {
  beforeAll(async () => {
    const flagged = await hubPost(federation.hubUrl, 'agent-rpe-amina', `mutation Flag($input: FlagConcernInput!) { flagConcern(input: $input) { id } }`, {
      input: {
        idempotencyKey: 'notifications-lea-noah-concern', childIds: ['child-lea', 'child-noah'], childminderId: 'childminder-sophie',
        category: 'HYGIENE', severity: 'LOW', observedAt: parisDay(-1), description: 'Texte fictif.',
      },
    });
    expect(flagged.body.errors).toBeUndefined();
  });

  it('tells Julien nothing, and the audit records no release, when the concern holding Léa’s timeline is withheld from Hélène', async () => {
    const before = new Set((await notifications()).map((notification) => notification.id));
    const read = await hubPost<{ child: { concerns: unknown[] } }>(
      federation.hubUrl,
      'agent-tj-helene',
      `query ConcernTimelines { child(id: "child-lea") { concerns { id children { id timeline { events { kind } } } } } }`,
    );
    expect(read.status).toBe(200);
    // The concern naming Noah is withheld: nothing of Léa's timeline reaches Hélène through it.
    expect(JSON.stringify(read.body.data)).not.toContain('PROTECTION_DETAILS');
    expect(JSON.stringify(read.body.data)).not.toContain('timeline');
    const added = (await notifications()).filter((notification) => !before.has(notification.id));
    expect(withoutIds(added)).toEqual([]);
    const trail = await hubPost<{ auditTrail: { edges: Array<{ node: { operationName: string; released: string[] } }> } }>(
      federation.hubUrl,
      'agent-dpo-marc',
      `query Trail { auditTrail(agentId: "agent-tj-helene", first: 1) { edges { node { operationName released } } } }`,
    );
    expect(trail.body.data?.auditTrail.edges.map(({ node }) => node)).toEqual([{ operationName: 'ConcernTimelines', released: ['CONCERN'] }]);
    // Nor does an error tell her what the withheld concern holds (a second child, not hers).
    expect((read.body as { errors?: Array<{ path?: unknown[] }> }).errors?.filter(({ path }) => path?.includes('children') && path.length > 4)).toEqual([]);
  });

  it('records only the timeline read she is given when another read of Léa’s timeline is inside the withheld concern', async () => {
    const before = new Set((await notifications()).map((notification) => notification.id));
    // Léa's timeline from 2030 (no events) reaches Hélène; her whole timeline, inside the
    // concern naming Noah, does not.
    const read = await hubPost(
      federation.hubUrl,
      'agent-tj-helene',
      `query TwoTimelines { child(id: "child-lea") { timeline(from: "2030-01-01") { events { kind } } concerns { id children { id timeline { events { kind category } } } } } }`,
    );
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body.data)).not.toContain('PROTECTION_DETAILS');
    const added = (await notifications()).filter((notification) => !before.has(notification.id));
    expect(withoutIds(added)).toEqual([]);
    const trail = await hubPost<{ auditTrail: { edges: Array<{ node: { operationName: string; released: string[]; withheld: string[] } }> } }>(
      federation.hubUrl,
      'agent-dpo-marc',
      `query Trail { auditTrail(agentId: "agent-tj-helene", first: 1) { edges { node { operationName released withheld } } } }`,
    );
    expect(trail.body.data?.auditTrail.edges.map(({ node }) => node)).toEqual([{ operationName: 'TwoTimelines', released: ['CONCERN'], withheld: ['CONCERN'] }]);
  });
});
