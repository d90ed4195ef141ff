import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { indexByKey } from '../../../../common/src/db/group-by.js';
import { Childminder } from '../entity/childminder.entity.js';

export function createChildminderByIdLoader(dataSource: DataSource): DataLoader<string, Childminder | null> {
  return new DataLoader(async (ids) => {
    const rows = await dataSource.getRepository(Childminder).findBy({ id: In([...ids]) });
    return indexByKey(ids, rows, (row) => row.id);
  });
}
