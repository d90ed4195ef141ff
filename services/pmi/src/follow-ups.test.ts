import { FollowUpStatus } from './entity/follow-up.entity';
import { currentFollowUp, visitStats } from './follow-ups';

const active = { id: 'f-active', status: FollowUpStatus.ACTIVE };
const closedRecent = { id: 'f-closed-recent', status: FollowUpStatus.CLOSED };
const closedOld = { id: 'f-closed-old', status: FollowUpStatus.CLOSED };

describe('currentFollowUp', () => {
  it.each([
    ['no follow-up', [], null],
    ['only closed ones: the latest', [closedRecent, closedOld], 'f-closed-recent'],
    ['an active one after closed ones', [closedRecent, active, closedOld], 'f-active'],
    ['an active one first', [active, closedRecent], 'f-active'],
  ])('%s', (_label, followUps, expected) => {
    expect(currentFollowUp(followUps)?.id ?? null).toEqual(expected);
  });
});

describe('visitStats', () => {
  const visits = [
    { followUpId: 'f1', visitedOn: '2024-03-01' },
    { followUpId: 'f2', visitedOn: '2025-01-01' },
    { followUpId: 'f1', visitedOn: '2024-05-10' },
    { followUpId: 'f1', visitedOn: '2024-04-02' },
  ];
  it.each([
    ['visits of the follow-up only, latest day', 'f1', { lastVisitOn: '2024-05-10', visitCount: 3 }],
    ['another follow-up', 'f2', { lastVisitOn: '2025-01-01', visitCount: 1 }],
    ['a follow-up without visits', 'f3', { lastVisitOn: null, visitCount: 0 }],
  ])('%s', (_label, followUpId, expected) => {
    expect(visitStats(visits, followUpId)).toEqual(expected);
  });
});
