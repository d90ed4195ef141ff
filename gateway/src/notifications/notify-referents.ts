import { randomUUID } from 'node:crypto';
import { intArray, textArray } from '../../../common/src/db/text-array.js';
import type { DataCategory } from '../../../common/src/domain.js';
import type { Agent } from '../auth/agent.js';

/** One notification to write: a viewer saw one category of one child under an `A*` rule. */
export interface ReferentNotification {
  viewer: Agent;
  childId: string;
  category: DataCategory;
}

/**
 * One statement inserting every notification given, whatever their number (a nurse's list
 * can hold 150 children, a batch of responses several viewers), stamped `at`; its values are
 * pushed onto `params`. Written with the responses' audit entries, in the same statement;
 * `guard` (a FROM/WHERE tail) makes it write only when they are written.
 *
 * Each viewer is sent once and each notification names its viewer by position: a response's
 * notifications share their viewer, and sending it with each of them cost the hub more than
 * the rest of the write (`npm run bench:audit`). The ids are drawn here: `gen_random_uuid()`
 * cost PostgreSQL more than `randomUUID()` costs the hub.
 */
export function insertNotificationsSql(notifications: readonly ReferentNotification[], at: Date, params: unknown[], guard = ''): string {
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const viewers: Agent[] = [];
  const positions = new Map<Agent, number>();
  const childIds: string[] = [];
  const categories: string[] = [];
  const viewerOf: number[] = [];
  for (const { viewer, childId, category } of notifications) {
    let position = positions.get(viewer);
    if (position === undefined) {
      position = viewers.push(viewer);
      positions.set(viewer, position);
    }
    childIds.push(childId);
    categories.push(category);
    viewerOf.push(position);
  }
  const column = (read: (viewer: Agent) => string) => p(textArray(viewers.map(read)));
  return `INSERT INTO access_notification (id, at, child_id, category, viewer_agent_id, viewer_name, viewer_role, viewer_institution, read_at)
    SELECT r.id, ${p(at)}::timestamptz, r.child_id, r.category, v.agent_id, v.name, v.role, v.institution, NULL
      FROM unnest(${p(textArray(childIds.map(() => randomUUID())))}::uuid[], ${p(textArray(childIds))}::text[], ${p(textArray(categories))}::text[], ${p(intArray(viewerOf))}::int[]) AS r(id, child_id, category, viewer)
      JOIN unnest(${column((viewer) => viewer.id)}::text[], ${column((viewer) => viewer.name)}::text[], ${column((viewer) => viewer.role)}::text[],
                  ${column((viewer) => viewer.institution)}::text[]) WITH ORDINALITY AS v(agent_id, name, role, institution, position)
        ON v.position = r.viewer${guard}`;
}
