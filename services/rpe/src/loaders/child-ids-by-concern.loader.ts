import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { groupByKey } from '../../../../common/src/db/group-by.js';
import { ConcernChild } from '../entity/concern-child.entity.js';

/** The ids of the children each concern names. */
export function createChildIdsByConcernLoader(dataSource: DataSource): DataLoader<string, string[]> {
  return new DataLoader(async (concernIds) => {
    const links = await dataSource.getRepository(ConcernChild).find({
      where: { concernId: In([...concernIds]) },
      order: { childId: 'ASC' },
    });
    return groupByKey(concernIds, links, (link) => link.concernId).map((group) => group.map((link) => link.childId));
  });
}
