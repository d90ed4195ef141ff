import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { groupByKey } from '../../../../common/src/db/group-by.js';
import { ConcernChild } from '../entity/concern-child.entity.js';

/**
 * A concern's child ids in the order they are listed: by UTF-16 code unit (the default
 * sort), sorted here rather than by the database's collation, so that the ids `flagConcern`
 * primes the loader with come in the same order as ids read back.
 */
export const inListedOrder = (childIds: readonly string[]): string[] => [...childIds].sort();

/** The ids of the children each concern names. */
export function createChildIdsByConcernLoader(dataSource: DataSource): DataLoader<string, string[]> {
  return new DataLoader(async (concernIds) => {
    const links = await dataSource.getRepository(ConcernChild).find({ where: { concernId: In([...concernIds]) } });
    return groupByKey(concernIds, links, (link) => link.concernId).map((group) => inListedOrder(group.map((link) => link.childId)));
  });
}
