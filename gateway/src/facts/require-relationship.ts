import { Source } from '../../../common/src/domain.js';
import type { SubgraphName } from '../config.js';
import type { HubContext } from '../context.js';
import type { ChildRelationship } from './care-relationships.loader.js';
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

const ASE_KIND = `${'ase' satisfies SubgraphName}:`;

/** A relationship the ASE vouches for (`ase:REFERENT`, `ase:ASE_HEAD`…), not one known elsewhere. */
export function isAseKind(kind: string): boolean {
  return kind.startsWith(ASE_KIND);
}

/** Whether the ASE itself vouches for this relationship with a child (one of its kinds is the ASE's). */
export function aseVouches(relationship: ChildRelationship | undefined): boolean {
  return relationship?.kinds.some(isAseKind) ?? false;
}

/**
 * For the ASE's own casework about one child (the parents' consents): the viewer must relate
 * to the child through the ASE's own records, as the référent of its open dossier or the
 * head of the ASE holding a dossier or an information préoccupante about it. An ASE head of
 * another département who knows the child only from a relais's concern may not record,
 * revoke or read its consents: NOT_FOUND, as for an unknown child; SOURCE_UNAVAILABLE when
 * the ASE could not be asked.
 */
export async function requireAseRecord(context: Pick<HubContext, 'relationships'>, childId: string): Promise<void> {
  const relationship = await context.relationships.forChild(childId);
  if (aseVouches(relationship)) return;
  if (relationship.unavailable.includes(Source.ASE)) throw sourceUnavailable(Source.ASE);
  throw childNotFound();
}
