import { Arg, Ctx, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { DataCategory, Source } from '../domain.js';
import { badUserInput } from '../errors.js';
import { DateScalar } from '../scalars/date.scalar.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

/** One dated fact about a child, as its institution tells it to the hub for the timeline. */
export interface TimelineEventRecord {
  childId: string;
  at: Date;
  /** Short machine word, e.g. `HOME_VISIT`, `MEASURE_OPENED`, `COURT_DECISION`. */
  kind: string;
  /** One line for a professional; may carry personal data, so it is labelled by `category`. */
  summary: string | null;
  /** The category the event is released under. */
  category: DataCategory;
}

/** `from`/`to` are inclusive calendar days; null means unbounded. */
export type TimelineEventFinder<TContext> = (
  context: TContext,
  childIds: readonly string[],
  range: { from: string | null; to: string | null },
) => Promise<TimelineEventRecord[]>;

/** Largest `childIds` list of one timeline call. */
export const MAX_TIMELINE_CHILD_IDS = 100;

/** `_aseTimelineEvents`: the internal root field the hub calls to build `Child.timeline`. */
export function timelineEventsFieldName(source: Source): string {
  return `_${source.toLowerCase()}TimelineEvents`;
}

/**
 * Builds the internal, `@inaccessible` root field through which the hub gathers one
 * institution's dated events for the timeline. The merge happens in the hub: no subgraph
 * ever receives another institution's events.
 */
export function createTimelineEventsResolver<TContext>(source: Source, find: TimelineEventFinder<TContext>) {
  const prefix = source.charAt(0) + source.slice(1).toLowerCase();

  @ObjectType(`${prefix}TimelineEvent`)
  @Directive('@inaccessible')
  class TimelineEvent implements TimelineEventRecord {
    @Field(() => ID)
    childId: string;

    @Field(() => DateTimeScalar)
    at: Date;

    @Field(() => String)
    kind: string;

    @Field(() => String, { nullable: true })
    summary: string | null;

    @Field(() => String)
    category: DataCategory;
  }

  @Resolver()
  class TimelineEventsResolver {
    @Query(() => [TimelineEvent], { name: timelineEventsFieldName(source) })
    @Directive('@inaccessible')
    async timelineEvents(
      @Arg('childIds', () => [ID]) childIds: string[],
      @Arg('from', () => DateScalar, { nullable: true }) from: string | null,
      @Arg('to', () => DateScalar, { nullable: true }) to: string | null,
      @Arg('categories', () => [String], { description: 'Only events of these categories leave the subgraph' }) categories: string[],
      @Ctx() context: TContext,
    ): Promise<TimelineEventRecord[]> {
      if (childIds.length > MAX_TIMELINE_CHILD_IDS) throw badUserInput('childIds', 'Too many child ids');
      if (from && to && to < from) throw badUserInput('to', 'Must not precede from');
      if (childIds.length === 0 || categories.length === 0) return [];
      const wanted = new Set(categories);
      const events = await find(context, childIds, { from: from ?? null, to: to ?? null });
      // The hub asks only for categories the viewer's role may ever see: the rest never leaves.
      return events.filter((event) => wanted.has(event.category)).sort((a, b) => b.at.getTime() - a.at.getTime());
    }
  }

  return TimelineEventsResolver;
}
