import { hubPost } from '../support/hub-client';
import { startTestFederation, type TestFederation } from '../support/in-process-federation';
import type { DemoAgentId } from '../support/tokens';

/**
 * Journey 1 (issue 4): a PMI nurse asks "is this child protected, and whom do I call?".
 * `myChildren` lists only the children she follows; the ASE computes each protection
 * status; the child's référent is told of every look; a relais coordinator gets nothing.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const CLAIRE = 'agent-pmi-claire';
const HUGO = 'agent-pmi-hugo';
const AMINA = 'agent-rpe-amina';
const JULIEN = 'agent-ase-julien';

const MY_CHILDREN = `query MyChildren {
  myChildren { id firstName lastName protectionStatus { level since referent { name institution phone email } } }
}`;
const JULIEN_CONTACT = { name: 'Julien Moreau', institution: 'ASE-75', phone: '01 00 00 00 12', email: 'julien.moreau@ase75.example' };

interface Notification { id: string; at: string; childId: string; category: string; read: boolean; viewer: { name: string; institution: string } }
const NOTIFICATIONS = `query Notifications { accessNotifications { id at childId category read viewer { name institution } } }`;

async function julienNotifications(): Promise<Notification[]> {
  const res = await hubPost<{ accessNotifications: Notification[] }>(federation.hubUrl, JULIEN, NOTIFICATIONS);
  if (!res.body.data) throw new Error(`accessNotifications failed: ${JSON.stringify(res.body)}`);
  return res.body.data.accessNotifications;
}

/** What Julien is newly told while `as` runs `query`, ids and instants set aside. */
async function notificationsCausedBy(as: DemoAgentId, query: string) {
  const before = new Set((await julienNotifications()).map((notification) => notification.id));
  const startedAt = Date.now();
  const res = await hubPost(federation.hubUrl, as, query);
  expect(res.status).toBe(200);
  const added = (await julienNotifications()).filter((notification) => !before.has(notification.id));
  for (const notification of added) expect(Date.parse(notification.at)).toBeGreaterThanOrEqual(startedAt - 1000);
  return added.map(({ id: _id, at: _at, ...rest }) => rest);
}

describe('myChildren with protectionStatus, as a PMI nurse', () => {
  it('gives Claire exactly Léa (judicial measure, her référent to call) and Noah (no measure), never Inès', async () => {
    const res = await hubPost(federation.hubUrl, CLAIRE, MY_CHILDREN);
    expect(res.body).toEqual({
      data: {
        myChildren: [
          { id: 'child-lea', firstName: 'Léa', lastName: 'Martin', protectionStatus: { level: 'JUDICIAL_MEASURE', since: '2025-09-01', referent: JULIEN_CONTACT } },
          { id: 'child-noah', firstName: 'Noah', lastName: 'Petit', protectionStatus: { level: 'NONE', since: null, referent: null } },
        ],
      },
    });
  });

  it('gives Hugo exactly Inès, placed by the judge, with the same référent', async () => {
    const res = await hubPost(federation.hubUrl, HUGO, MY_CHILDREN);
    expect(res.body).toEqual({
      data: {
        myChildren: [
          { id: 'child-ines', firstName: 'Inès', lastName: 'Garcia', protectionStatus: { level: 'JUDICIAL_MEASURE', since: '2024-02-19', referent: JULIEN_CONTACT } },
        ],
      },
    });
  });

  it('answers a nurse asking for a child she does not follow as if the child did not exist', async () => {
    const res = await hubPost(federation.hubUrl, CLAIRE, `query Other { child(id: "child-ines") { protectionStatus { level referent { name } } } }`);
    expect(res.body).toEqual({ data: { child: null }, errors: [{ message: 'Child not found', path: ['child'], extensions: { code: 'NOT_FOUND' } }] });
  });
});

describe('the référent is told of the look', () => {
  it('notifies Julien of Claire’s look at Léa, and of nothing for Noah, who has no référent', async () => {
    expect(await notificationsCausedBy(CLAIRE, MY_CHILDREN)).toEqual([
      { childId: 'child-lea', category: 'PROTECTION_STATUS', read: false, viewer: { name: 'Claire Dubois', institution: 'PMI-75' } },
    ]);
  });

  it('writes a notification for Léa only: Noah has no référent, so nobody is told and nothing is kept', async () => {
    const rowsFor = async (childId: string): Promise<number> =>
      (await federation.hub.dataSource.query("SELECT count(*)::int AS n FROM access_notification WHERE viewer_agent_id = $1 AND child_id = $2", [CLAIRE, childId]))[0].n;
    const [leaBefore, noahBefore] = [await rowsFor('child-lea'), await rowsFor('child-noah')];
    const res = await hubPost(federation.hubUrl, CLAIRE, `query Levels { myChildren { protectionStatus { level } } }`);
    expect(res.body).toEqual({ data: { myChildren: [{ protectionStatus: { level: 'JUDICIAL_MEASURE' } }, { protectionStatus: { level: 'NONE' } }] } });
    expect([(await rowsFor('child-lea')) - leaBefore, (await rowsFor('child-noah')) - noahBefore]).toEqual([1, 0]);
  });

  it('notifies Julien of Hugo’s look at Inès', async () => {
    expect(await notificationsCausedBy(HUGO, MY_CHILDREN)).toEqual([
      { childId: 'child-ines', category: 'PROTECTION_STATUS', read: false, viewer: { name: 'Hugo Lefèvre', institution: 'PMI-75' } },
    ]);
  });

  it('notifies nobody when the look releases nothing (a relais coordinator)', async () => {
    expect(await notificationsCausedBy(AMINA, `query Status { myChildren { protectionStatus { level } } }`)).toEqual([]);
  });

  it('does not notify Julien of his own look', async () => {
    expect(await notificationsCausedBy(JULIEN, MY_CHILDREN)).toEqual([]);
  });
});

describe('the same question from a relais coordinator', () => {
  it('lists Amina’s three children with protectionStatus null and one FORBIDDEN_CATEGORY error per child', async () => {
    const res = await hubPost(federation.hubUrl, AMINA, `query Status { myChildren { id protectionStatus { level } } }`);
    const forbidden = (index: number) => ({
      message: expect.any(String),
      path: ['myChildren', index, 'protectionStatus'],
      extensions: { code: 'FORBIDDEN_CATEGORY', category: 'PROTECTION_STATUS' },
    });
    expect(res.body).toEqual({
      data: {
        myChildren: [
          { id: 'child-sacha', protectionStatus: null },
          { id: 'child-lea', protectionStatus: null },
          { id: 'child-noah', protectionStatus: null },
        ],
      },
      errors: [forbidden(0), forbidden(1), forbidden(2)],
    });
    expect(JSON.stringify(res.body)).not.toMatch(/JUDICIAL_MEASURE|EVALUATION_IN_PROGRESS|Julien/);
  });
});
