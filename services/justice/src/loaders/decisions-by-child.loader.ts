import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { groupByKey } from '../../../../common/src/db/group-by.js';
import { CourtDecision } from '../entity/court-decision.entity.js';

/** All decisions about each child, newest first: one statement per batch of children. */
export function createDecisionsByChildLoader(dataSource: DataSource): DataLoader<string, CourtDecision[]> {
  return new DataLoader(async (childIds) => {
    const rows = await dataSource.getRepository(CourtDecision).find({
      where: { childId: In([...childIds]) },
      order: { decidedAt: 'DESC', id: 'ASC' },
    });
    return groupByKey(childIds, rows, (row) => row.childId);
  });
}
