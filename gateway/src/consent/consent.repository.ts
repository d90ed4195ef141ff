import type { DataSource } from 'typeorm';
import { textArray } from '../../../common/src/db/text-array.js';
import type { DataCategory, Role } from '../../../common/src/domain.js';

// Built once: constructing an Intl.DateTimeFormat costs more than a consent lookup.
const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Paris, `YYYY-MM-DD`: consents are given for calendar days there. */
export function parisToday(now: Date = new Date()): string {
  return PARIS_DAY.format(now);
}

/**
 * The categories each child's valid, unrevoked consents open to `role` today: one
 * statement for all the children of a response. Read on every request, never cached, so a
 * revocation takes effect on the very next request.
 */
export async function consentedCategories(dataSource: DataSource, childIds: readonly string[], role: Role, today: string): Promise<Map<string, Set<DataCategory>>> {
  const result = new Map<string, Set<DataCategory>>();
  if (childIds.length === 0) return result;
  const rows: Array<{ child_id: string; categories: DataCategory[] }> = await dataSource.query(
    `SELECT child_id, categories FROM consent
      WHERE child_id = ANY($1::text[]) AND recipient_role = $2 AND revoked_at IS NULL
        AND valid_from <= $3 AND (valid_until IS NULL OR valid_until >= $3)`,
    [textArray(childIds), role, today],
  );
  for (const row of rows) {
    const set = result.get(row.child_id) ?? new Set<DataCategory>();
    for (const category of row.categories) set.add(category);
    result.set(row.child_id, set);
  }
  return result;
}
