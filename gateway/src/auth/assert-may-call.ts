import { forbidden } from '../errors.js';
import { mayCall } from '../policy/operation-roles.js';
import type { Agent } from './agent.js';

/**
 * Defence in depth for the hub's own resolvers: the policy executor already refuses an
 * operation whose root field the role may not call; a resolver checks again.
 */
export function assertMayCall(context: { agent: Agent }, field: string): void {
  if (!mayCall(context.agent.role, field)) throw forbidden(field);
}
