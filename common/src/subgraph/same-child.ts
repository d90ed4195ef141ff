import { keyAlreadyUsed } from '../errors.js';

/**
 * A row found by a write's idempotency key, checked against the write: a key already used
 * for another child's row is refused (CONFLICT) and that row is not handed over, since its
 * id, and the hub's answer about it, would tell that the other child's record exists. Rows
 * and writes without a `childId` pass as they are.
 */
export function sameChild<T extends object>(row: T | null, write: object): T | null {
  if (row && 'childId' in row && 'childId' in write && row.childId !== write.childId) throw keyAlreadyUsed();
  return row;
}
