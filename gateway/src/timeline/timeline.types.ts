import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../../common/src/scalars/date-time.scalar.js';
import { DataCategory, Source } from '../hub-subgraph/enums.js';

/** One dated fact about a child, labelled with its source and the category it is released under. */
@ObjectType('TimelineEvent')
export class TimelineEventType {
  @Field(() => DateTimeScalar)
  at: Date;

  @Field(() => Source)
  source: Source;

  @Field(() => String)
  kind: string;

  @Field(() => String, { nullable: true })
  summary: string | null;

  @Field(() => DataCategory)
  category: DataCategory;
}

/** What was left out of the timeline, and why: a référent knows a consent would show more. */
@ObjectType('Withheld')
export class WithheldType {
  @Field(() => DataCategory)
  category: DataCategory;

  @Field(() => Int)
  count: number;

  @Field(() => String)
  reason: string;
}

@ObjectType('Timeline')
export class TimelineType {
  @Field(() => [TimelineEventType])
  events: TimelineEventType[];

  @Field(() => [WithheldType])
  withheld: WithheldType[];
}
