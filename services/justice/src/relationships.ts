import { In } from 'typeorm';
import { Role } from '../../../common/src/domain.js';
import type { CareRelationshipFinder } from '../../../common/src/federation/care-relationships.js';
import type { JusticeContext } from './context.js';
import { CourtCase } from './entity/court-case.entity.js';

/** A judge relates to every child whose case is held by the judge's court. */
export const findCareRelationships: CareRelationshipFinder<JusticeContext> = async (context, viewer, childIds) => {
  if (viewer.role !== Role.JUDGE) return [];
  const rows = await context.dataSource.getRepository(CourtCase).find({
    select: { childId: true },
    where: childIds ? { court: viewer.institution, childId: In([...childIds]) } : { court: viewer.institution },
  });
  return [...new Set(rows.map((row) => row.childId))].map((childId) => ({ childId, kind: 'COURT_HOLDING_CASE' }));
};
