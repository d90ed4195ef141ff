import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { groupByKey } from '../../../../common/src/db/group-by.js';
import { Measure } from '../entity/measure.entity.js';

/**
 * Every measure of each child, newest first. `Dossier.measures` filters these by dossier
 * rather than issuing a second query keyed by dossier.
 */
export function createMeasuresByChildLoader(dataSource: DataSource): DataLoader<string, Measure[]> {
  return new DataLoader(async (childIds) => {
    const rows = await dataSource.getRepository(Measure).find({
      where: { childId: In([...childIds]) },
      order: { startDate: 'DESC', id: 'ASC' },
    });
    return groupByKey(childIds, rows, (row) => row.childId);
  });
}
