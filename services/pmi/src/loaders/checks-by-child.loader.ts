import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { groupByKey } from '../../../../common/src/db/group-by.js';
import { HealthCheck } from '../entity/health-check.entity.js';

/** Every health check of each child, newest first: one statement per batch of children. */
export function createChecksByChildLoader(dataSource: DataSource): DataLoader<string, HealthCheck[]> {
  return new DataLoader(async (childIds) => {
    const rows = await dataSource.getRepository(HealthCheck).find({
      where: { childId: In([...childIds]) },
      order: { checkedOn: 'DESC', id: 'ASC' },
    });
    return groupByKey(childIds, rows, (row) => row.childId);
  });
}
