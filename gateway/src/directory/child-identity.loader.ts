import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { indexByKey } from '../../../common/src/db/group-by.js';
import { textArray } from '../../../common/src/db/text-array.js';
import { ChildIdentity } from './child-identity.entity.js';

interface ChildRow {
  id: string;
  first_name: string;
  last_name: string;
  birth_date: string;
  idempotency_key: string;
  created_at: Date;
}

/**
 * Children of the directory by id: one statement per batch, written out rather than built
 * by the ORM's query builder, whose cost grew with the number of ids (a nurse's list: 150).
 */
export function createChildByIdLoader(dataSource: DataSource): DataLoader<string, ChildIdentity | null> {
  return new DataLoader(async (ids) => {
    const rows: ChildRow[] = await dataSource.query(
      'SELECT id, first_name, last_name, birth_date::text AS birth_date, idempotency_key, created_at FROM child WHERE id = ANY($1::text[])',
      [textArray(ids)],
    );
    const children = rows.map((row) =>
      Object.assign(new ChildIdentity(), {
        id: row.id,
        firstName: row.first_name,
        lastName: row.last_name,
        birthDate: row.birth_date,
        idempotencyKey: row.idempotency_key,
        createdAt: row.created_at,
      }),
    );
    return indexByKey(ids, children, (child) => child.id);
  });
}
