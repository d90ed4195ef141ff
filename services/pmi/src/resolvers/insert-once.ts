import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { sameChild } from '../../../../common/src/subgraph/same-child.js';

type Keyed = ObjectLiteral & { idempotencyKey: string };

async function insertIgnoringConflicts<T extends Keyed>(manager: EntityManager, target: EntityTarget<T>, values: QueryDeepPartialEntity<T>) {
  const repository = manager.getRepository(target);
  await repository.createQueryBuilder().insert().values(values).orIgnore().execute();
  return repository;
}


/**
 * `INSERT … ON CONFLICT DO NOTHING`, then the row holding `idempotencyKey`. A concurrent
 * identical request waits on the unique key and then finds the first one's row. Null when
 * the insert was ignored for another unique index (e.g. one ACTIVE follow-up per child).
 */
export async function insertOnce<T extends Keyed>(
  manager: EntityManager,
  target: EntityTarget<T>,
  values: QueryDeepPartialEntity<T> & { idempotencyKey: string },
): Promise<T | null> {
  const repository = await insertIgnoringConflicts(manager, target, values);
  return sameChild(await repository.findOneBy({ idempotencyKey: values.idempotencyKey } as FindOptionsWhere<T>), values);
}

/** `insertOnce` for tables whose only unique constraint besides the key is a random id: the row must exist. */
export async function insertOnceOrFail<T extends Keyed>(
  manager: EntityManager,
  target: EntityTarget<T>,
  values: QueryDeepPartialEntity<T> & { idempotencyKey: string },
): Promise<T> {
  const repository = await insertIgnoringConflicts(manager, target, values);
  return sameChild(await repository.findOneByOrFail({ idempotencyKey: values.idempotencyKey } as FindOptionsWhere<T>), values) as T;
}
