import { Between, In, LessThanOrEqual, MoreThanOrEqual } from 'typeorm';
import { DataCategory } from '../../../common/src/domain.js';
import type { TimelineEventFinder } from '../../../common/src/federation/timeline-events.js';
import type { JusticeContext } from './context.js';
import { CourtDecision } from './entity/court-decision.entity.js';

function dateRange(from: string | null, to: string | null) {
  if (from && to) return Between(from, to);
  if (from) return MoreThanOrEqual(from);
  if (to) return LessThanOrEqual(to);
  return undefined;
}

/** Court decisions as timeline events. The summary names the kind and court, never the content. */
export const findTimelineEvents: TimelineEventFinder<JusticeContext> = async (context, childIds, range) => {
  const decidedAt = dateRange(range.from, range.to);
  const rows = await context.dataSource.getRepository(CourtDecision).find({
    where: decidedAt ? { childId: In([...childIds]), decidedAt } : { childId: In([...childIds]) },
  });
  return rows.map((row) => ({
    childId: row.childId,
    at: new Date(`${row.decidedAt}T00:00:00.000Z`),
    kind: `COURT_${row.kind}`,
    summary: `${row.kind} (${row.court}), mesure : ${row.measureOrdered}`,
    category: DataCategory.COURT_DECISION,
  }));
};
