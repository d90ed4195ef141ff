import { FollowUpStatus } from './entity/follow-up.entity.js';

interface FollowUpLike {
  id: string;
  status: FollowUpStatus;
}

/**
 * The follow-up shown on a child: the ACTIVE one, else the latest. `followUps` come latest
 * first (the loader's order).
 */
export function currentFollowUp<T extends FollowUpLike>(followUps: readonly T[]): T | null {
  return followUps.find((followUp) => followUp.status === FollowUpStatus.ACTIVE) ?? followUps[0] ?? null;
}

/** Last visit day and number of visits of one follow-up, from the child's visits (any order). */
export function visitStats(
  visits: readonly { followUpId: string; visitedOn: string }[],
  followUpId: string,
): { lastVisitOn: string | null; visitCount: number } {
  let lastVisitOn: string | null = null;
  let visitCount = 0;
  for (const visit of visits) {
    if (visit.followUpId !== followUpId) continue;
    visitCount += 1;
    if (lastVisitOn === null || visit.visitedOn > lastVisitOn) lastVisitOn = visit.visitedOn;
  }
  return { lastVisitOn, visitCount };
}
