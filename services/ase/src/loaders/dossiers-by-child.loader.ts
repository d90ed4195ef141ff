import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { groupByKey } from '../../../../common/src/db/group-by.js';
import { Dossier } from '../entity/dossier.entity.js';

/** Every dossier of each child, newest first: one statement per batch of children. */
export function createDossiersByChildLoader(dataSource: DataSource): DataLoader<string, Dossier[]> {
  return new DataLoader(async (childIds) => {
    const rows = await dataSource.getRepository(Dossier).find({
      where: { childId: In([...childIds]) },
      order: { openedOn: 'DESC', id: 'ASC' },
    });
    return groupByKey(childIds, rows, (row) => row.childId);
  });
}
