import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { groupByKey } from '../../../../common/src/db/group-by.js';
import { CripEvaluation } from '../entity/crip-evaluation.entity.js';

/** Every CRIP evaluation about each child, most recently received first. */
export function createEvaluationsByChildLoader(dataSource: DataSource): DataLoader<string, CripEvaluation[]> {
  return new DataLoader(async (childIds) => {
    const rows = await dataSource.getRepository(CripEvaluation).find({
      where: { childId: In([...childIds]) },
      order: { receivedOn: 'DESC', id: 'ASC' },
    });
    return groupByKey(childIds, rows, (row) => row.childId);
  });
}
