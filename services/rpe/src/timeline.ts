import { In } from 'typeorm';
import { DataCategory } from '../../../common/src/domain.js';
import type { TimelineEventFinder, TimelineEventRecord } from '../../../common/src/federation/timeline-events.js';
import type { RpeContext } from './context.js';
import { parisDay } from './domain/calendar.js';
import { isAnotherRelaisReport } from './domain/own-reports.js';
import { childcareSummary, concernSummary } from './domain/timeline-summaries.js';
import { ChildcareArrangement } from './entity/childcare-arrangement.entity.js';
import { Childminder } from './entity/childminder.entity.js';
import { ConcernChild } from './entity/concern-child.entity.js';

type Range = { from: string | null; to: string | null };

function inRange(day: string, range: Range): boolean {
  return (!range.from || day >= range.from) && (!range.to || day <= range.to);
}

function atMidnightUtc(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** Starts and past ends of childcare; a planned end is not an event yet. */
async function childcareEvents(context: RpeContext, childIds: readonly string[], range: Range): Promise<TimelineEventRecord[]> {
  const arrangements = await context.dataSource.getRepository(ChildcareArrangement).find({ where: { childId: In([...childIds]) } });
  const childminders = await context.loaders.childminderById.loadMany([...new Set(arrangements.map((row) => row.childminderId))]);
  const relaisOf = new Map(childminders.flatMap((row) => (row instanceof Childminder ? [[row.id, row.relaisId] as const] : [])));
  const today = parisDay(new Date());
  return arrangements.flatMap((row) => {
    const relais = relaisOf.get(row.childminderId) ?? '';
    const events: TimelineEventRecord[] = [];
    if (inRange(row.startDate, range)) {
      events.push({ childId: row.childId, at: atMidnightUtc(row.startDate), kind: 'CHILDCARE_STARTED', summary: childcareSummary('STARTED', relais), category: DataCategory.CHILDCARE });
    }
    if (row.endDate && row.endDate <= today && inRange(row.endDate, range)) {
      events.push({ childId: row.childId, at: atMidnightUtc(row.endDate), kind: 'CHILDCARE_ENDED', summary: childcareSummary('ENDED', relais), category: DataCategory.CHILDCARE });
    }
    return events;
  });
}

async function concernEvents(context: RpeContext, childIds: readonly string[], range: Range): Promise<TimelineEventRecord[]> {
  const links = await context.dataSource.getRepository(ConcernChild).find({ where: { childId: In([...childIds]) }, relations: { concern: true } });
  return links.flatMap(({ childId, concern }) =>
    concern && !isAnotherRelaisReport(context.viewer, concern) && inRange(parisDay(concern.raisedAt), range)
      ? [{ childId, at: concern.raisedAt, kind: 'CONCERN_RAISED', summary: concernSummary(concern.category, concern.severity), category: DataCategory.CONCERN }]
      : [],
  );
}

/** Childcare and concerns as timeline events; never a childminder's name, a description or a reporter. */
export const findTimelineEvents: TimelineEventFinder<RpeContext> = async (context, childIds, range) => {
  const [childcare, concerns] = await Promise.all([childcareEvents(context, childIds, range), concernEvents(context, childIds, range)]);
  return [...childcare, ...concerns];
};
