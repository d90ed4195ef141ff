import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { DataCategory } from '../../../common/src/domain.js';
import type { Agent } from '../auth/agent.js';
import { AccessNotification } from './access-notification.entity.js';

/**
 * One notification per (child, category) released under an `A*` rule, written in the same
 * transaction as the response's audit entry.
 */
export async function notifyReferents(manager: EntityManager, viewer: Agent, releases: ReadonlyArray<{ childId: string; category: DataCategory }>): Promise<void> {
  if (releases.length === 0) return;
  const at = new Date();
  await manager.getRepository(AccessNotification).insert(
    releases.map((release) => ({
      id: randomUUID(),
      at,
      childId: release.childId,
      category: release.category,
      viewerAgentId: viewer.id,
      viewerName: viewer.name,
      viewerRole: viewer.role,
      viewerInstitution: viewer.institution,
      readAt: null,
    })),
  );
}
