import { Role } from '../../../common/src/domain.js';
import { amongChildren, type CareRelationshipFinder } from '../../../common/src/federation/care-relationships.js';
import type { JusticeContext } from './context.js';

/** A judge relates to every child whose case is held by the judge's court. */
export const findCareRelationships: CareRelationshipFinder<JusticeContext> = async (context, viewer, childIds) => {
  if (viewer.role !== Role.JUDGE) return [];
  const params: unknown[] = [viewer.institution];
  const among = amongChildren('child_id', childIds, params);
  const rows: { child_id: string }[] = await context.dataSource.query(`SELECT DISTINCT child_id FROM court_case WHERE court = $1${among}`, params);
  return rows.map((row) => ({ childId: row.child_id, kind: 'COURT_HOLDING_CASE' }));
};
