import pg from 'pg';
import { testServerUrl } from '../../test/support/databases';
import { DEPARTEMENT_PATTERN, departementOf } from './domain';

const INSTITUTIONS = ['ASE-75', 'CRIP-75', 'RPE-75-11', 'ASE-2A', 'PMI-2B-3', 'ASE-974', 'JUDGE-93-BOBIGNY', 'ASE-1234', 'ASE-7', 'ase-75', 'ASE-2C', 'ASE-75x', '-75', 'AS1-75', 'ASE75', ''];

describe('departementOf', () => {
  it('reads the département off an institution id, and nothing off anything else', () => {
    expect(INSTITUTIONS.map(departementOf)).toEqual(['75', '75', '75', '2A', '2B', '974', '93', null, null, null, null, null, null, null, null, null]);
  });

  it('gives the same answer in PostgreSQL, where the subgraphs read it in SQL', async () => {
    const client = new pg.Client({ connectionString: testServerUrl() });
    await client.connect();
    try {
      const { rows } = await client.query<{ departement: string | null }>(
        'SELECT substring(institution from $1) AS departement FROM unnest($2::text[]) WITH ORDINALITY AS t(institution, n) ORDER BY n',
        [DEPARTEMENT_PATTERN, INSTITUTIONS],
      );
      expect(rows.map((row) => row.departement)).toEqual(INSTITUTIONS.map(departementOf));
    } finally {
      await client.end();
    }
  });
});
