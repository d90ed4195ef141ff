import type { HubContext } from '../context.js';
import type { ChildIdentity } from './child-identity.entity.js';

export function resolveChildReference(reference: { id: string }, context: HubContext): Promise<ChildIdentity | null> {
  return context.loaders.childById.load(reference.id);
}
