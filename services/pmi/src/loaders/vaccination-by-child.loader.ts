import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { indexByKey } from '../../../../common/src/db/group-by.js';
import { Vaccination } from '../entity/vaccination.entity.js';

/** Each child's vaccination status, or null: one statement per batch of children. */
export function createVaccinationByChildLoader(dataSource: DataSource): DataLoader<string, Vaccination | null> {
  return new DataLoader(async (childIds) => {
    const rows = await dataSource.getRepository(Vaccination).findBy({ childId: In([...childIds]) });
    return indexByKey(childIds, rows, (row) => row.childId);
  });
}
