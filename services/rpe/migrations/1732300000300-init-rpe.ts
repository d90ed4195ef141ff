import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitRpe1732300000300 implements MigrationInterface {
  name = 'InitRpe1732300000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE relais (id text PRIMARY KEY, name text NOT NULL)`);
    await queryRunner.query(`
      CREATE TABLE rpe_agent (
        id text PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('RPE_COORDINATOR')),
        institution text NOT NULL,
        phone text,
        email text
      )`);
    // relais_id is not a foreign key: the relais table is a directory of names, and a
    // coordinator's relais comes from the hub-signed token.
    await queryRunner.query(`
      CREATE TABLE childminder (
        id text PRIMARY KEY,
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        agrement_number text NOT NULL UNIQUE,
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 6),
        relais_id text NOT NULL,
        agrement_valid_until date NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX childminder_relais_idx ON childminder (relais_id)');
    await queryRunner.query(`
      CREATE TABLE childcare_arrangement (
        id text PRIMARY KEY,
        child_id text NOT NULL,
        childminder_id text NOT NULL REFERENCES childminder (id),
        start_date date NOT NULL,
        end_date date,
        schedule text NOT NULL CHECK (char_length(schedule) BETWEEN 1 AND 200),
        idempotency_key text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date IS NULL OR end_date >= start_date)
      )`);
    await queryRunner.query('CREATE INDEX childcare_arrangement_child_idx ON childcare_arrangement (child_id, start_date DESC)');
    await queryRunner.query('CREATE INDEX childcare_arrangement_childminder_idx ON childcare_arrangement (childminder_id, end_date)');
    await queryRunner.query(`
      CREATE TABLE concern (
        id text PRIMARY KEY,
        idempotency_key text NOT NULL UNIQUE,
        childminder_id text REFERENCES childminder (id),
        category text NOT NULL CHECK (category IN ('SAFETY', 'HYGIENE', 'OVERCAPACITY', 'NEGLECT', 'VIOLENCE', 'OTHER')),
        severity text NOT NULL CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH', 'URGENT')),
        observed_at date NOT NULL,
        raised_at timestamptz NOT NULL,
        raised_by_id text NOT NULL,
        raised_by_institution text NOT NULL,
        departement text NOT NULL,
        description text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 5000),
        status text NOT NULL CHECK (status IN ('SUBMITTED', 'ACKNOWLEDGED', 'UNDER_EVALUATION', 'CLOSED')),
        acknowledged_at timestamptz,
        acknowledged_by_id text,
        evaluation_started_at timestamptz,
        evaluation_started_by_id text,
        closed_at timestamptz,
        closed_by_id text,
        outcome text CHECK (outcome IS NULL OR char_length(outcome) BETWEEN 1 AND 5000),
        feedback_due_by date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (feedback_due_by > observed_at),
        CHECK ((acknowledged_at IS NULL) = (acknowledged_by_id IS NULL)),
        CHECK ((evaluation_started_at IS NULL) = (evaluation_started_by_id IS NULL)),
        CHECK ((closed_at IS NULL) = (closed_by_id IS NULL) AND (closed_at IS NULL) = (outcome IS NULL)),
        CHECK ((acknowledged_at IS NULL) = (status = 'SUBMITTED')),
        CHECK ((evaluation_started_at IS NULL) = (status IN ('SUBMITTED', 'ACKNOWLEDGED'))),
        CHECK ((closed_at IS NULL) = (status <> 'CLOSED')),
        CHECK (acknowledged_at IS NULL OR acknowledged_at >= raised_at),
        CHECK (evaluation_started_at IS NULL OR evaluation_started_at >= acknowledged_at),
        CHECK (closed_at IS NULL OR closed_at >= evaluation_started_at)
      )`);
    await queryRunner.query('CREATE INDEX concern_departement_idx ON concern (departement, status)');
    await queryRunner.query('CREATE INDEX concern_relais_idx ON concern (raised_by_institution, raised_at DESC)');
    await queryRunner.query(`
      CREATE TABLE concern_child (
        concern_id text NOT NULL REFERENCES concern (id),
        child_id text NOT NULL,
        PRIMARY KEY (concern_id, child_id)
      )`);
    await queryRunner.query('CREATE INDEX concern_child_child_idx ON concern_child (child_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE concern_child');
    await queryRunner.query('DROP TABLE concern');
    await queryRunner.query('DROP TABLE childcare_arrangement');
    await queryRunner.query('DROP TABLE childminder');
    await queryRunner.query('DROP TABLE rpe_agent');
    await queryRunner.query('DROP TABLE relais');
  }
}
