import { randomUUID } from 'node:crypto';
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
 */
export function insertNotificationsSql(notifications: readonly ReferentNotification[], at: Date, params: unknown[], guard = ''): string {
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const column = <T>(read: (notification: ReferentNotification) => T) => notifications.map(read);
  return `INSERT INTO access_notification (id, at, child_id, category, viewer_agent_id, viewer_name, viewer_role, viewer_institution, read_at)
    SELECT id, ${p(at)}::timestamptz, child_id, category, viewer_agent_id, viewer_name, viewer_role, viewer_institution, NULL
      FROM unnest(${p(column(() => randomUUID()))}::uuid[], ${p(column((n) => n.childId))}::text[], ${p(column((n) => n.category))}::text[],
                  ${p(column((n) => n.viewer.id))}::text[], ${p(column((n) => n.viewer.name))}::text[], ${p(column((n) => n.viewer.role))}::text[],
                  ${p(column((n) => n.viewer.institution))}::text[])
        AS r(id, child_id, category, viewer_agent_id, viewer_name, viewer_role, viewer_institution)${guard}`;
}
