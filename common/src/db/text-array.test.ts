import pg from 'pg';
import { createTestDatabase } from '../../../test/support/databases';
import { intArray, textArray } from './text-array';

describe('textArray / intArray: array literals PostgreSQL reads back as the same values', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: pg.Client;
  beforeAll(async () => {
    database = await createTestDatabase('text_array');
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  const roundTrip = async (values: string[]) => (await client.query('SELECT $1::text[] AS v', [textArray(values)])).rows[0].v;

  it.each([
    ['plain ids', ['child-lea', 'child-noah', 'child-3f2a']],
    ['empty', []],
    ['one empty string', ['']],
    ['quotes and backslashes', ['a"b', 'c\\d', '\\"', '"', '\\', 'end\\']],
    ['separators and braces', ['a,b', '{x}', '}', '{', ' lead', 'trail ', 'x y']],
    ['words PostgreSQL treats specially unquoted', ['NULL', 'null', 'NuLl']],
    ['accents, emoji and newlines', ['Léa Ménard', 'ß😀', 'line\nbreak', 'tab\there']],
  ])('%s', async (_name, values) => {
    expect(await roundTrip(values)).toEqual(values);
    // As pg itself sends a JS array: same values.
    expect((await client.query('SELECT $1::text[] AS v', [values])).rows[0].v).toEqual(values);
  });

  it('keeps order and length on 1,000 elements, some of which need escaping', async () => {
    const values = Array.from({ length: 1_000 }, (_, n) => (n % 97 === 0 ? `x"${n}\\` : `child-${n}`));
    expect(await roundTrip(values)).toEqual(values);
  });

  it('writes integers, and refuses what is not a safe integer', async () => {
    expect((await client.query('SELECT $1::int[] AS v', [intArray([1, 2, 30, -4])])).rows[0].v).toEqual([1, 2, 30, -4]);
    expect((await client.query('SELECT $1::int[] AS v', [intArray([])])).rows[0].v).toEqual([]);
    expect(() => intArray([1.5])).toThrow(TypeError);
    expect(() => intArray([Number.NaN])).toThrow(TypeError);
  });
});
