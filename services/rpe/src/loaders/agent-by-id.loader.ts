import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { indexByKey } from '../../../../common/src/db/group-by.js';
import { RpeAgent } from '../entity/rpe-agent.entity.js';

/** Relais coordinators, for the reporter's contact on a concern. */
export function createAgentByIdLoader(dataSource: DataSource): DataLoader<string, RpeAgent | null> {
  return new DataLoader(async (ids) => {
    const rows = await dataSource.getRepository(RpeAgent).findBy({ id: In([...ids]) });
    return indexByKey(ids, rows, (row) => row.id);
  });
}
