import DataLoader from 'dataloader';
import type { DataCategory, Source, Viewer } from '../../../common/src/domain.js';
import { MAX_TIMELINE_CHILD_IDS, timelineEventsFieldName, type TimelineEventRecord } from '../../../common/src/federation/timeline-events.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../config.js';
import { SOURCE_OF } from '../facts/care-relationships.loader.js';
import type { SignedFetch } from '../federation/signed-fetch.js';
import { callSubgraph, SubgraphCallError } from '../federation/subgraph-call.js';
import type { SourcedEvent } from './build-timeline.js';

export interface ChildEvents {
  events: SourcedEvent[];
  /** Institutions that could not be asked: their events are missing. */
  unavailable: Source[];
}

interface Deps {
  fetch: SignedFetch;
  urls: Readonly<Record<SubgraphName, string>>;
  viewer: Viewer;
  requestId: string;
  /** Categories the viewer's role may ever see: nothing else is asked for. */
  categories: readonly DataCategory[];
  /** The request's institutions that did not answer (`callSubgraph` neither asks nor waits for them again). */
  unavailable: Set<SubgraphName>;
}

const keyOf = (childId: string, from: string | null, to: string | null) => JSON.stringify([childId, from, to]);

function queryFor(name: SubgraphName): string {
  return `query TimelineEvents($childIds: [ID!]!, $from: Date, $to: Date, $categories: [String!]!) {
    ${timelineEventsFieldName(SOURCE_OF[name])}(childIds: $childIds, from: $from, to: $to, categories: $categories) { childId at kind summary category } }`;
}

/**
 * Timeline events per child, gathered by the hub itself from each institution's internal
 * field: children asked for in the same tick (e.g. `myChildren { timeline }`) cost one call
 * per institution, not one per child. No institution receives another's events.
 */
export function createTimelineEventsLoader(deps: Deps) {
  const loader = new DataLoader<string, ChildEvents>(async (keys) => {
    const byRange = new Map<string, string[]>();
    for (const key of keys) {
      const [childId, from, to] = JSON.parse(key) as [string, string | null, string | null];
      const range = JSON.stringify([from, to]);
      byRange.set(range, [...(byRange.get(range) ?? []), childId]);
    }
    const results = new Map<string, ChildEvents>();
    for (const [range, childIds] of byRange) {
      const [from, to] = JSON.parse(range) as [string | null, string | null];
      const answers = await Promise.all(
        SUBGRAPH_NAMES.map(async (name) => {
          const field = timelineEventsFieldName(SOURCE_OF[name]);
          try {
            const data = await callSubgraph<Record<string, Array<Omit<TimelineEventRecord, 'at'> & { at: string }>>>({
              fetch: deps.fetch,
              subgraph: name,
              url: deps.urls[name],
              query: queryFor(name),
              variables: { childIds, from, to, categories: deps.categories },
              viewer: deps.viewer,
              requestId: deps.requestId,
              unavailable: deps.unavailable,
            });
            return { name, records: data[field] ?? [], ok: true };
          } catch (error) {
            if (error instanceof SubgraphCallError) return { name, records: [], ok: false };
            throw error;
          }
        }),
      );
      const unavailable = answers.filter((answer) => !answer.ok).map((answer) => SOURCE_OF[answer.name]);
      // By child id within this range: one lookup per event, not a key built for each.
      const byChild = new Map<string, ChildEvents>();
      for (const childId of childIds) {
        const entry: ChildEvents = { events: [], unavailable };
        byChild.set(childId, entry);
        results.set(keyOf(childId, from, to), entry);
      }
      for (const answer of answers) {
        for (const record of answer.records) {
          byChild.get(record.childId)?.events.push({
            source: SOURCE_OF[answer.name],
            at: new Date(record.at),
            kind: record.kind,
            summary: record.summary,
            category: record.category,
          });
        }
      }
    }
    return keys.map((key) => results.get(key) ?? { events: [], unavailable: [] });
  }, { maxBatchSize: MAX_TIMELINE_CHILD_IDS });
  return { load: (childId: string, from: string | null, to: string | null) => loader.load(keyOf(childId, from, to)) };
}
export type TimelineEventsLoader = ReturnType<typeof createTimelineEventsLoader>;
