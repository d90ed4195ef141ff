import type { DataCategory, Role, Source } from '../../../common/src/domain.js';
import { type ChildFacts, decide } from '../policy/decide.js';

export interface SourcedEvent {
  source: Source;
  at: Date;
  kind: string;
  summary: string | null;
  category: DataCategory;
}

export interface BuiltTimeline {
  events: SourcedEvent[];
  withheld: Array<{ category: DataCategory; count: number; reason: string }>;
  released: DataCategory[];
}

/**
 * Merges one child's events from every institution, newest first, keeping each event only
 * if the rules table releases its category to this viewer for this child; what is left out
 * is counted per (category, reason). Pure.
 */
export function buildTimeline(role: Role, facts: ChildFacts, events: readonly SourcedEvent[]): BuiltTimeline {
  const kept: SourcedEvent[] = [];
  const withheld = new Map<string, { category: DataCategory; count: number; reason: string }>();
  const released = new Set<DataCategory>();
  for (const event of events) {
    const decision = decide({ role }, facts, event.category);
    if (decision.permit) {
      kept.push(event);
      released.add(event.category);
      continue;
    }
    const key = `${event.category}/${decision.code}`;
    const entry = withheld.get(key) ?? { category: event.category, count: 0, reason: decision.code };
    entry.count += 1;
    withheld.set(key, entry);
  }
  kept.sort((a, b) => b.at.getTime() - a.at.getTime() || a.source.localeCompare(b.source) || a.kind.localeCompare(b.kind));
  const order = (a: { category: string; reason: string }, b: { category: string; reason: string }) => a.category.localeCompare(b.category) || a.reason.localeCompare(b.reason);
  return { events: kept, withheld: [...withheld.values()].sort(order), released: [...released].sort() };
}
