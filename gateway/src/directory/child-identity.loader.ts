import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { indexByKey } from '../../../common/src/db/group-by.js';
import { ChildIdentity } from './child-identity.entity.js';

/** Children of the directory by id: one statement per batch. */
export function createChildByIdLoader(dataSource: DataSource): DataLoader<string, ChildIdentity | null> {
  return new DataLoader(async (ids) => {
    const rows = await dataSource.getRepository(ChildIdentity).findBy({ id: In([...ids]) });
    return indexByKey(ids, rows, (row) => row.id);
  });
}
