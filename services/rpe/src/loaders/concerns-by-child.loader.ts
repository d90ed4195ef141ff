import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { groupByKey } from '../../../../common/src/db/group-by.js';
import type { Concern } from '../entity/concern.entity.js';
import { ConcernChild } from '../entity/concern-child.entity.js';

/** The concerns naming each child, newest first: one joined statement per batch. */
export function createConcernsByChildLoader(dataSource: DataSource): DataLoader<string, Concern[]> {
  return new DataLoader(async (childIds) => {
    const links = await dataSource.getRepository(ConcernChild).find({
      where: { childId: In([...childIds]) },
      relations: { concern: true },
      order: { concern: { raisedAt: 'DESC', id: 'ASC' } },
    });
    const grouped = groupByKey(childIds, links, (link) => link.childId);
    return grouped.map((group) => group.flatMap((link) => (link.concern ? [link.concern] : [])));
  });
}
