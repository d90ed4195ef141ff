/**
 * A PostgreSQL array literal (`{"a","b"}`) of `values`, to send as one text parameter cast
 * with `::text[]` (or `::int[]` for integers). Equivalent to what `pg` sends for a JS array,
 * which escapes every element one by one: on the hub's hot path (150 child ids per audit
 * entry, as many per notification column) that was most of the cost of a write. Every
 * element is quoted, so commas, braces, spaces and the word NULL stay plain text; only `"`
 * and `\` need escaping, and only an array that holds one pays for it.
 */
export function textArray(values: readonly string[]): string {
  if (values.length === 0) return '{}';
  for (const value of values) {
    if (value.includes('"') || value.includes('\\')) return `{${values.map(quoted).join(',')}}`;
  }
  return `{"${values.join('","')}"}`;
}

const quoted = (value: string): string => `"${value.replace(/[\\"]/g, '\\$&')}"`;

/** `{1,2,3}`: integers need no quoting. */
export function intArray(values: readonly number[]): string {
  for (const value of values) if (!Number.isSafeInteger(value)) throw new TypeError('intArray takes safe integers only');
  return `{${values.join(',')}}`;
}
