import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { groupByKey } from '../../../../common/src/db/group-by.js';
import { Placement } from '../entity/placement.entity.js';

/** Every placement of each child, most recent first. */
export function createPlacementsByChildLoader(dataSource: DataSource): DataLoader<string, Placement[]> {
  return new DataLoader(async (childIds) => {
    const rows = await dataSource.getRepository(Placement).find({
      where: { childId: In([...childIds]) },
      order: { since: 'DESC', id: 'ASC' },
    });
    return groupByKey(childIds, rows, (row) => row.childId);
  });
}
