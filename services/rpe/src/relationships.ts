import { departementOf, Role } from '../../../common/src/domain.js';
import type { CareRelationshipFinder, CareRelationshipRecord } from '../../../common/src/federation/care-relationships.js';
import type { RpeContext } from './context.js';
import { parisDay } from './domain/calendar.js';
import { ChildcareArrangement } from './entity/childcare-arrangement.entity.js';
import { Childminder } from './entity/childminder.entity.js';
import { ConcernChild } from './entity/concern-child.entity.js';

type ChildIds = readonly string[] | null;

/** Children in an ongoing (or upcoming) arrangement with a childminder of the relais. */
async function childrenCaredForInRelais(context: RpeContext, relaisId: string, childIds: ChildIds): Promise<string[]> {
  const query = context.dataSource
    .getRepository(ChildcareArrangement)
    .createQueryBuilder('arrangement')
    .select('DISTINCT arrangement.child_id', 'childId')
    .innerJoin(Childminder, 'childminder', 'childminder.id = arrangement.childminder_id')
    .where('childminder.relais_id = :relaisId', { relaisId })
    .andWhere('(arrangement.end_date IS NULL OR arrangement.end_date >= :today)', { today: parisDay(new Date()) });
  if (childIds) query.andWhere('arrangement.child_id IN (:...childIds)', { childIds });
  const rows = await query.getRawMany<{ childId: string }>();
  return rows.map((row) => row.childId);
}

/** Children named in concerns raised by one relais, or by any relais of one département. */
async function childrenNamedInConcerns(
  context: RpeContext,
  raisedBy: { institution: string } | { departement: string },
  childIds: ChildIds,
): Promise<string[]> {
  const query = context.dataSource
    .getRepository(ConcernChild)
    .createQueryBuilder('link')
    .select('DISTINCT link.child_id', 'childId')
    .innerJoin('link.concern', 'concern');
  if ('institution' in raisedBy) query.where('concern.raised_by_institution = :institution', raisedBy);
  else query.where('concern.departement = :departement', raisedBy);
  if (childIds) query.andWhere('link.child_id IN (:...childIds)', { childIds });
  const rows = await query.getRawMany<{ childId: string }>();
  return rows.map((row) => row.childId);
}

/**
 * The children among `childIds` that a relais may report on: those its childminders care
 * for, and those it already reported on. A report never creates a relationship by itself.
 */
export async function childrenKnownToRelais(context: RpeContext, relaisId: string, childIds: readonly string[]): Promise<Set<string>> {
  const [cared, reported] = await Promise.all([
    childrenCaredForInRelais(context, relaisId, childIds),
    childrenNamedInConcerns(context, { institution: relaisId }, childIds),
  ]);
  return new Set([...cared, ...reported]);
}

function records(childIds: string[], kind: string): CareRelationshipRecord[] {
  return childIds.map((childId) => ({ childId, kind }));
}

/**
 * A relais relates to the children its childminders care for and to those it reported on;
 * the CRIP and the ASE head of a département to the children its relais reported on.
 */
export const findCareRelationships: CareRelationshipFinder<RpeContext> = async (context, viewer, childIds) => {
  if (viewer.role === Role.RPE_COORDINATOR) {
    const [cared, reported] = await Promise.all([
      childrenCaredForInRelais(context, viewer.institution, childIds),
      childrenNamedInConcerns(context, { institution: viewer.institution }, childIds),
    ]);
    return [...records(cared, 'RELAIS_OF_CHILDMINDER'), ...records(reported, 'REPORTING_RELAIS')];
  }
  if (viewer.role === Role.CRIP_EVALUATOR || viewer.role === Role.ASE_MANAGER) {
    const departement = departementOf(viewer.institution);
    if (!departement) return [];
    return records(await childrenNamedInConcerns(context, { departement }, childIds), 'CRIP_RECEIVED_CONCERN');
  }
  return [];
};
