import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { indexByKey } from '../../../../common/src/db/group-by.js';
import { PmiAgent } from '../entity/pmi-agent.entity.js';

/** PMI agents by id (nurses of follow-ups and visits), or null: one statement per batch. */
export function createAgentsByIdLoader(dataSource: DataSource): DataLoader<string, PmiAgent | null> {
  return new DataLoader(async (agentIds) => {
    const rows = await dataSource.getRepository(PmiAgent).findBy({ id: In([...agentIds]) });
    return indexByKey(agentIds, rows, (row) => row.id);
  });
}
