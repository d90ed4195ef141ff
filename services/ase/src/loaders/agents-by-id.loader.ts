import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { indexByKey } from '../../../../common/src/db/group-by.js';
import { AseAgent } from '../entity/ase-agent.entity.js';

/** ASE and CRIP agents by id (référents, evaluators); null for an unknown id. */
export function createAgentsByIdLoader(dataSource: DataSource): DataLoader<string, AseAgent | null> {
  return new DataLoader(async (ids) => {
    const rows = await dataSource.getRepository(AseAgent).findBy({ id: In([...ids]) });
    return indexByKey(ids, rows, (row) => row.id);
  });
}
