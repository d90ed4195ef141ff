import type { MigrationInterface, QueryRunner } from 'typeorm';

const MEASURE_KINDS = `'AED', 'ACCUEIL_PROVISOIRE', 'AEMO', 'PLACEMENT_JUDICIAIRE', 'TIERS_DIGNE_DE_CONFIANCE', 'OPP'`;

export class InitAse1732300000100 implements MigrationInterface {
  name = 'InitAse1732300000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ase_agent (
        id text PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('ASE_REFERENT', 'ASE_MANAGER', 'CRIP_EVALUATOR')),
        institution text NOT NULL,
        phone text,
        email text
      )`);

    await queryRunner.query(`
      CREATE TABLE dossier (
        id text PRIMARY KEY,
        child_id text NOT NULL,
        institution text NOT NULL,
        referent_id text NOT NULL REFERENCES ase_agent (id),
        opened_on date NOT NULL,
        closed_on date,
        idempotency_key text NOT NULL UNIQUE,
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (closed_on IS NULL OR closed_on >= opened_on)
      )`);
    // At most one open dossier per child; also what makes concurrent openDossier calls safe.
    await queryRunner.query('CREATE UNIQUE INDEX dossier_open_child_uq ON dossier (child_id) WHERE closed_on IS NULL');
    await queryRunner.query('CREATE INDEX dossier_child_idx ON dossier (child_id, opened_on DESC)');
    await queryRunner.query('CREATE INDEX dossier_open_referent_idx ON dossier (referent_id, child_id) WHERE closed_on IS NULL');
    await queryRunner.query('CREATE INDEX dossier_institution_idx ON dossier (institution, child_id)');

    await queryRunner.query(`
      CREATE TABLE measure (
        id text PRIMARY KEY,
        dossier_id text NOT NULL REFERENCES dossier (id),
        child_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN (${MEASURE_KINDS})),
        legal_basis text NOT NULL CHECK (legal_basis =
          CASE WHEN kind IN ('AED', 'ACCUEIL_PROVISOIRE') THEN 'ADMINISTRATIVE' ELSE 'JUDICIAL' END),
        ordered_by text,
        start_date date NOT NULL,
        end_date date,
        idempotency_key text NOT NULL UNIQUE,
        recorded_by text NOT NULL,
        ended_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date IS NULL OR end_date >= start_date),
        CHECK ((legal_basis = 'JUDICIAL') = (ordered_by IS NOT NULL))
      )`);
    await queryRunner.query('CREATE INDEX measure_child_idx ON measure (child_id, start_date DESC)');
    await queryRunner.query('CREATE INDEX measure_dossier_idx ON measure (dossier_id)');

    await queryRunner.query(`
      CREATE TABLE placement (
        id text PRIMARY KEY,
        child_id text NOT NULL,
        measure_id text NOT NULL REFERENCES measure (id),
        kind text NOT NULL CHECK (kind IN ('FOSTER_FAMILY', 'CHILDRENS_HOME', 'TRUSTED_THIRD_PARTY', 'OTHER')),
        since date NOT NULL,
        until date,
        caregiver_name text NOT NULL,
        address text NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (until IS NULL OR until >= since)
      )`);
    await queryRunner.query('CREATE INDEX placement_child_idx ON placement (child_id, since DESC)');
    await queryRunner.query('CREATE INDEX placement_measure_idx ON placement (measure_id)');

    await queryRunner.query(`
      CREATE TABLE crip_evaluation (
        id text PRIMARY KEY,
        child_id text NOT NULL,
        institution text NOT NULL,
        received_on date NOT NULL,
        origin text NOT NULL CHECK (origin IN ('EDUCATION', 'HEALTH', 'RPE', 'PHONE_119', 'FAMILY', 'OTHER')),
        evaluator_id text NOT NULL REFERENCES ase_agent (id),
        status text NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
        outcome text CHECK (outcome IN ('NO_DANGER', 'ADMINISTRATIVE_MEASURE', 'JUDICIAL_REFERRAL')),
        closed_on date,
        idempotency_key text NOT NULL UNIQUE,
        recorded_by text NOT NULL,
        closed_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'OPEN') = (outcome IS NULL AND closed_on IS NULL)),
        CHECK (status = 'OPEN' OR (outcome IS NOT NULL AND closed_on IS NOT NULL)),
        CHECK (closed_on IS NULL OR closed_on >= received_on)
      )`);
    await queryRunner.query('CREATE INDEX crip_evaluation_child_idx ON crip_evaluation (child_id, received_on DESC)');
    await queryRunner.query('CREATE INDEX crip_evaluation_institution_idx ON crip_evaluation (institution, child_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE crip_evaluation');
    await queryRunner.query('DROP TABLE placement');
    await queryRunner.query('DROP TABLE measure');
    await queryRunner.query('DROP TABLE dossier');
    await queryRunner.query('DROP TABLE ase_agent');
  }
}
