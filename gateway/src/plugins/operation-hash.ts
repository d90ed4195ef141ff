import { createHash } from 'node:crypto';
import type { Role } from '../../../common/src/domain.js';

/**
 * The hash under which the planner caches the plan of an operation rewritten for a role.
 * Keyed by role and the client's query hash, never by user: one role's plan never serves
 * another role, and plans are shared by every agent of a role.
 */
export function roleOperationHash(role: Role, queryHash: string): string {
  return createHash('sha256').update(`${role}\n${queryHash}`).digest('hex');
}
