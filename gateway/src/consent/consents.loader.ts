import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { DataCategory, Role } from '../../../common/src/domain.js';
import { consentedCategories, parisToday } from './consent.repository.js';

/**
 * The viewer's role's consented categories per child, for this request only: one
 * statement per batch, and a fresh read on every request (revocations apply at once).
 */
export function createConsentsLoader(dataSource: DataSource, role: Role): DataLoader<string, ReadonlySet<DataCategory>> {
  return new DataLoader(async (childIds) => {
    const consents = await consentedCategories(dataSource, childIds, role, parisToday());
    return childIds.map((id) => consents.get(id) ?? new Set<DataCategory>());
  });
}
