import { Role } from '../../../common/src/domain.js';
import { amongChildren, type CareRelationshipFinder } from '../../../common/src/federation/care-relationships.js';
import type { PmiContext } from './context.js';
import { FollowUpStatus } from './entity/follow-up.entity.js';

/**
 * Only ACTIVE follow-ups create a relationship: a nurse relates to the children she follows
 * (`FOLLOWING_NURSE`), a PMI doctor to every child followed by the doctor's institution
 * (`PMI_INSTITUTION`). Other roles have none through PMI.
 */
export const findCareRelationships: CareRelationshipFinder<PmiContext> = async (context, viewer, childIds) => {
  let column: 'nurse_id' | 'institution';
  let kind: string;
  const params: unknown[] = [FollowUpStatus.ACTIVE];
  if (viewer.role === Role.PMI_NURSE) {
    [column, kind] = ['nurse_id', 'FOLLOWING_NURSE'];
    params.push(viewer.agentId);
  } else if (viewer.role === Role.PMI_DOCTOR) {
    [column, kind] = ['institution', 'PMI_INSTITUTION'];
    params.push(viewer.institution);
  } else {
    return [];
  }
  const among = amongChildren('child_id', childIds, params);
  const rows: { child_id: string }[] = await context.dataSource.query(
    `SELECT child_id FROM follow_up WHERE status = $1 AND ${column} = $2${among} ORDER BY child_id`,
    params,
  );
  return rows.map((row) => ({ childId: row.child_id, kind }));
};
