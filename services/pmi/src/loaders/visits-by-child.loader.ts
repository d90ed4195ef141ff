import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { groupByKey } from '../../../../common/src/db/group-by.js';
import { HomeVisit } from '../entity/home-visit.entity.js';

/**
 * Every home visit to each child, newest first: one statement per batch. Follow-up
 * statistics are computed from the same rows, so they cost nothing more.
 */
export function createVisitsByChildLoader(dataSource: DataSource): DataLoader<string, HomeVisit[]> {
  return new DataLoader(async (childIds) => {
    const rows = await dataSource.getRepository(HomeVisit).find({
      where: { childId: In([...childIds]) },
      order: { visitedOn: 'DESC', id: 'ASC' },
    });
    return groupByKey(childIds, rows, (row) => row.childId);
  });
}
