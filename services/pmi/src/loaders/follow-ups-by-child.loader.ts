import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { groupByKey } from '../../../../common/src/db/group-by.js';
import { FollowUp } from '../entity/follow-up.entity.js';

/** Every follow-up of each child, latest start first: one statement per batch of children. */
export function createFollowUpsByChildLoader(dataSource: DataSource): DataLoader<string, FollowUp[]> {
  return new DataLoader(async (childIds) => {
    const rows = await dataSource.getRepository(FollowUp).find({
      where: { childId: In([...childIds]) },
      order: { since: 'DESC', id: 'ASC' },
    });
    return groupByKey(childIds, rows, (row) => row.childId);
  });
}
