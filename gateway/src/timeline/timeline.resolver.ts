import { getNamedType, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields.js';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { badUserInput } from '../../../common/src/errors.js';
import { DateScalar } from '../../../common/src/scalars/date.scalar.js';
import type { HubContext } from '../context.js';
import { ChildIdentity } from '../directory/child-identity.entity.js';
import { hubError, sourceUnavailable } from '../errors.js';
import { DataCategory } from '../../../common/src/domain.js';
import { timelineRead } from '../policy/redact-result.js';
import { notifiesReferent } from '../policy/rules.js';
import { buildTimeline } from './build-timeline.js';
import { TimelineType } from './timeline.types.js';

/** The names of the Timeline fields this resolver's answer is asked for, fragments and directives applied. */
function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const type = getNamedType(info.returnType) as GraphQLObjectType;
  const fields = collectSubfields(info.schema, info.fragments, info.variableValues, type, info.fieldNodes);
  return new Set([...fields.values()].map((nodes) => nodes[0].name.value));
}

@Resolver(() => ChildIdentity)
export class TimelineResolver {
  /**
   * The child's story across the four institutions, merged here in the hub, newest first,
   * each event kept or withheld by its own category. Needs a care relationship with the
   * child; an institution that cannot be asked is reported, and what needs it is missing.
   */
  @FieldResolver(() => TimelineType, { nullable: true })
  async timeline(
    @Root() child: ChildIdentity,
    @Arg('from', () => DateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to: string | null,
    @Ctx() context: HubContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TimelineType> {
    if (from && to && to < from) throw badUserInput('to', 'Must not precede from');
    const [relationship, consented] = await Promise.all([context.relationships.forChild(child.id), context.loaders.consents.load(child.id)]);
    if (relationship.kinds.length === 0) {
      if (relationship.unavailable.length > 0) throw sourceUnavailable(relationship.unavailable.join(', '));
      throw hubError('NEED_TO_KNOW', 'You have no care relationship with this child');
    }
    const gathered = await context.loaders.timelineEvents.load(child.id, from ?? null, to ?? null);
    for (const source of gathered.unavailable) context.notices.push(sourceUnavailable(source));
    const built = buildTimeline(context.agent.role, { relationship: 'yes', consentedCategories: consented }, gathered.events);
    // What the answer carries is what the client selected: the events' categories are released
    // only with the events, and the counts only with `withheld`.
    const selected = selectedFields(info);
    // This read, as the walk names the timelines the response carries or withholds.
    const timeline = timelineRead(child.id, from, to, { events: selected.has('events'), withheld: selected.has('withheld') });
    if (selected.has('events')) for (const category of built.released) context.disclosures.released.push({ childId: child.id, category, timeline });
    if (selected.has('events') || selected.has('withheld')) for (const entry of built.withheld) context.disclosures.withheld.push({ childId: child.id, ...entry, timeline });
    // A count of withheld measures tells that the child has a protection file: that is the
    // child's PROTECTION_STATUS, released (and, to a non-ASE viewer, notified) as such.
    if (selected.has('withheld') && built.withheld.some((entry) => notifiesReferent(entry.category, context.agent.role))) {
      context.disclosures.released.push({ childId: child.id, category: DataCategory.PROTECTION_STATUS, timeline });
    }
    return { events: built.events, withheld: built.withheld };
  }
}
