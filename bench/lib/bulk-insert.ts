import type pg from 'pg';

/** A column of a bulk insert and its PostgreSQL array element type. */
export type Column = readonly [name: string, type: 'text' | 'date' | 'int' | 'timestamptz' | 'text[]' | 'uuid'];

const CHUNK = 5_000;

/**
 * Set-based insert: one `INSERT … SELECT FROM unnest(…)` per 5,000 rows, one array
 * parameter per column (as test/support/bulk-children.ts does for the tests).
 * `text[]` columns are passed as Postgres array literals and cast per row.
 */
export async function bulkInsert(client: pg.Client, table: string, columns: readonly Column[], rows: ReadonlyArray<ReadonlyArray<unknown>>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const params = columns.map((_, index) =>
      chunk.map((row) => {
        const value = row[index];
        if (columns[index][1] === 'text[]') return value === null ? null : arrayLiteral(value as string[]);
        return value instanceof Date ? value.toISOString() : value;
      }),
    );
    const unnest = columns.map(([, type], index) => `$${index + 1}::${type === 'text[]' ? 'text' : type}[]`).join(', ');
    const select = columns.map(([name, type]) => (type === 'text[]' ? `${name}::text[]` : name)).join(', ');
    await client.query(
      `INSERT INTO ${table} (${columns.map(([name]) => name).join(', ')}) SELECT ${select} FROM unnest(${unnest}) AS t(${columns.map(([name]) => name).join(', ')})`,
      params,
    );
  }
}

function arrayLiteral(values: string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
