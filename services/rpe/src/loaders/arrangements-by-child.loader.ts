import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { groupByKey } from '../../../../common/src/db/group-by.js';
import { ChildcareArrangement } from '../entity/childcare-arrangement.entity.js';

/** Every childcare arrangement of each child, newest first: one statement per batch. */
export function createArrangementsByChildLoader(dataSource: DataSource): DataLoader<string, ChildcareArrangement[]> {
  return new DataLoader(async (childIds) => {
    const rows = await dataSource.getRepository(ChildcareArrangement).find({
      where: { childId: In([...childIds]) },
      order: { startDate: 'DESC', id: 'ASC' },
    });
    return groupByKey(childIds, rows, (row) => row.childId);
  });
}
