import type { TimelineEventFinder } from '../../../common/src/federation/timeline-events.js';
import type { AseContext } from './context.js';
import { toTimelineEvents } from './timeline-events.js';

/** DataLoader.loadMany answers errors in place; a failed batch fails the whole call. */
function flat<T>(results: Array<T[] | Error>): T[] {
  return results.flatMap((result) => {
    if (result instanceof Error) throw result;
    return result;
  });
}

/**
 * Dossiers, measures, placements and CRIP evaluations as timeline events, through the same
 * per-child loaders as the Child fields (four statements for up to 100 children). Each
 * child has few rows, so the range is applied to the events rather than in SQL.
 */
export const findTimelineEvents: TimelineEventFinder<AseContext> = async (context, childIds, range) => {
  const { loaders } = context;
  const [dossiers, measures, placements, evaluations] = await Promise.all([
    loaders.dossiersByChild.loadMany(childIds),
    loaders.measuresByChild.loadMany(childIds),
    loaders.placementsByChild.loadMany(childIds),
    loaders.evaluationsByChild.loadMany(childIds),
  ]);
  const events = toTimelineEvents(
    { dossiers: flat(dossiers), measures: flat(measures), placements: flat(placements), evaluations: flat(evaluations) },
    context.today,
  );
  return events.filter((event) => {
    const day = event.at.toISOString().slice(0, 10);
    return (range.from === null || day >= range.from) && (range.to === null || day <= range.to);
  });
};
