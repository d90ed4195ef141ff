import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { DataCategory } from '../../../common/src/domain.js';
import type { Agent } from '../auth/agent.js';

/**
 * One notification per (child, category) released under an `A*` rule, written in the same
 * transaction as the response's audit entry.
 */
export async function notifyReferents(manager: EntityManager, viewer: Agent, releases: ReadonlyArray<{ childId: string; category: DataCategory }>): Promise<void> {
  if (releases.length === 0) return;
  // One statement whatever the number of children (a nurse's list can hold 150).
  await manager.query(
    `INSERT INTO access_notification (id, at, child_id, category, viewer_agent_id, viewer_name, viewer_role, viewer_institution, read_at)
     SELECT id, $3, child_id, category, $4, $5, $6, $7, NULL FROM unnest($1::uuid[], $2::text[], $8::text[]) AS r(id, child_id, category)`,
    [releases.map(() => randomUUID()), releases.map((release) => release.childId), new Date(), viewer.id, viewer.name, viewer.role, viewer.institution, releases.map((release) => release.category)],
  );
}
