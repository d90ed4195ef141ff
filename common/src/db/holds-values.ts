/**
 * True when `row` holds every value of `values`. A write retried under its idempotency key
 * must be the same write: the values it would have inserted are the ones its stored row is
 * compared with. Arrays are compared item by item, in order; everything else with `===`.
 */
export function holdsValues(row: object, values: Readonly<Record<string, unknown>>): boolean {
  const held = row as Record<string, unknown>;
  return Object.entries(values).every(([key, value]) => {
    const stored = held[key];
    if (Array.isArray(value)) return Array.isArray(stored) && stored.length === value.length && value.every((item, index) => stored[index] === item);
    return stored === value;
  });
}
