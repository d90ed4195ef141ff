import { isChildId } from '../../../common/src/domain.js';
import type { HubContext } from '../context.js';
import type { ChildIdentity } from './child-identity.entity.js';

/**
 * A child the plan reaches from another institution (a concern's children, say). Under the
 * policy, its relationship (and consents, when the operation needs them) will be needed
 * once the plan has run: they are asked for now, batched with the other references of the
 * same fetch, so the decision does not wait for one more round trip after the plan.
 */
export function resolveChildReference(reference: { id: string }, context: HubContext): Promise<ChildIdentity | null> {
  if (context.factPrefetch && isChildId(reference.id)) {
    context.relationships.forChild(reference.id).catch(() => undefined); // awaited (failing closed) by the policy
    if (context.factPrefetch.consents) context.loaders.consents.load(reference.id).catch(() => undefined);
  }
  return context.loaders.childById.load(reference.id);
}
