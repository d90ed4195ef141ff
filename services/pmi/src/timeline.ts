import { Between, In, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { DataCategory } from '../../../common/src/domain.js';
import type { TimelineEventFinder, TimelineEventRecord } from '../../../common/src/federation/timeline-events.js';
import type { PmiContext } from './context.js';
import { FollowUp } from './entity/follow-up.entity.js';
import { HealthCheck } from './entity/health-check.entity.js';
import { HomeVisit } from './entity/home-visit.entity.js';
import { followUpStartedSummary, HOME_VISIT_SUMMARY, healthCheckSummary } from './timeline-summaries.js';

function dateRange(from: string | null, to: string | null) {
  if (from && to) return Between(from, to);
  if (from) return MoreThanOrEqual(from);
  if (to) return LessThanOrEqual(to);
  return undefined;
}

function midnightUtc(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/**
 * Follow-up starts and home visits (HEALTH_FOLLOW_UP, never the visit notes) and health
 * checks (HEALTH_DETAILS, with their findings): three statements per call.
 */
export const findTimelineEvents: TimelineEventFinder<PmiContext> = async (context, childIds, range) => {
  const within = dateRange(range.from, range.to);
  const children = In([...childIds]);
  const [followUps, visits, checks] = await Promise.all([
    context.dataSource.getRepository(FollowUp).find({ where: within ? { childId: children, since: within } : { childId: children } }),
    context.dataSource.getRepository(HomeVisit).find({
      select: { childId: true, visitedOn: true },
      where: within ? { childId: children, visitedOn: within } : { childId: children },
    }),
    context.dataSource.getRepository(HealthCheck).find({ where: within ? { childId: children, checkedOn: within } : { childId: children } }),
  ]);
  const events: TimelineEventRecord[] = [
    ...followUps.map((row) => ({
      childId: row.childId,
      at: midnightUtc(row.since),
      kind: 'FOLLOW_UP_STARTED',
      summary: followUpStartedSummary(row.institution),
      category: DataCategory.HEALTH_FOLLOW_UP,
    })),
    ...visits.map((row) => ({
      childId: row.childId,
      at: midnightUtc(row.visitedOn),
      kind: 'HOME_VISIT',
      summary: HOME_VISIT_SUMMARY,
      category: DataCategory.HEALTH_FOLLOW_UP,
    })),
    ...checks.map((row) => ({
      childId: row.childId,
      at: midnightUtc(row.checkedOn),
      kind: 'HEALTH_CHECK',
      summary: healthCheckSummary(row.kind, row.findings),
      category: DataCategory.HEALTH_DETAILS,
    })),
  ];
  return events;
};
