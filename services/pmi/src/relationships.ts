import { In } from 'typeorm';
import { Role } from '../../../common/src/domain.js';
import type { CareRelationshipFinder } from '../../../common/src/federation/care-relationships.js';
import type { PmiContext } from './context.js';
import { FollowUp, FollowUpStatus } from './entity/follow-up.entity.js';

/**
 * Only ACTIVE follow-ups create a relationship: a nurse relates to the children she follows
 * (`FOLLOWING_NURSE`), a PMI doctor to every child followed by the doctor's institution
 * (`PMI_INSTITUTION`). Other roles have none through PMI.
 */
export const findCareRelationships: CareRelationshipFinder<PmiContext> = async (context, viewer, childIds) => {
  let scope: { nurseId: string } | { institution: string };
  let kind: string;
  if (viewer.role === Role.PMI_NURSE) {
    scope = { nurseId: viewer.agentId };
    kind = 'FOLLOWING_NURSE';
  } else if (viewer.role === Role.PMI_DOCTOR) {
    scope = { institution: viewer.institution };
    kind = 'PMI_INSTITUTION';
  } else {
    return [];
  }
  const rows = await context.dataSource.getRepository(FollowUp).find({
    select: { childId: true },
    where: { ...scope, status: FollowUpStatus.ACTIVE, ...(childIds ? { childId: In([...childIds]) } : {}) },
    order: { childId: 'ASC' },
  });
  return rows.map((row) => ({ childId: row.childId, kind }));
};
