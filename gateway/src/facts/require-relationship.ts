import type { HubContext } from '../context.js';
import { childNotFound, sourceUnavailable } from '../errors.js';

/**
 * For writes and lookups about one child: the viewer must have a care relationship with
 * it. No relationship looks exactly like an unknown child (NOT_FOUND); an institution that
 * could not be asked, with none of the others knowing one, is SOURCE_UNAVAILABLE.
 */
export async function requireRelationship(context: Pick<HubContext, 'relationships'>, childId: string): Promise<void> {
  const relationship = await context.relationships.forChild(childId);
  if (relationship.kinds.length > 0) return;
  if (relationship.unavailable.length > 0) throw sourceUnavailable(relationship.unavailable.join(', '));
  throw childNotFound();
}
