import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { sameChild } from '../../../../common/src/subgraph/same-child.js';

/**
 * Inserts a row unless one with the same idempotency key (or any other unique key, such as
 * the one-open-dossier-per-child index) exists, then reads it back by key (CONFLICT when the
 * key holds another child's row). Safe under concurrency: a second identical call waits on
 * the unique index, inserts nothing and reads the first call's row. Null when the row was
 * refused by another unique key.
 */
export async function insertOnce<T extends ObjectLiteral & { idempotencyKey: string }>(
  manager: EntityManager,
  target: EntityTarget<T>,
  values: QueryDeepPartialEntity<T> & { idempotencyKey: string },
): Promise<T | null> {
  await manager.createQueryBuilder().insert().into(target).values(values).orIgnore().execute();
  return sameChild(await manager.getRepository(target).createQueryBuilder('row').where('row.idempotencyKey = :key', { key: values.idempotencyKey }).getOne(), values);
}
