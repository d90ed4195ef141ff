import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitPmi1732300000200 implements MigrationInterface {
  name = 'InitPmi1732300000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE pmi_agent (
        id text PRIMARY KEY,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('PMI_NURSE', 'PMI_DOCTOR')),
        institution text NOT NULL,
        phone text,
        email text
      )`);
    await queryRunner.query(`
      CREATE TABLE follow_up (
        id text PRIMARY KEY,
        child_id text NOT NULL,
        institution text NOT NULL,
        nurse_id text NOT NULL REFERENCES pmi_agent (id),
        since date NOT NULL,
        status text NOT NULL CHECK (status IN ('ACTIVE', 'CLOSED')),
        closed_on date,
        started_by text NOT NULL,
        closed_by text,
        idempotency_key text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (closed_on IS NULL OR closed_on >= since),
        CHECK ((status = 'ACTIVE') = (closed_on IS NULL))
      )`);
    // At most one ACTIVE follow-up per child; concurrent starts collide here.
    await queryRunner.query(`CREATE UNIQUE INDEX follow_up_one_active_idx ON follow_up (child_id) WHERE status = 'ACTIVE'`);
    await queryRunner.query('CREATE INDEX follow_up_child_idx ON follow_up (child_id, since DESC)');
    // Care relationships: a nurse's and an institution's active follow-ups.
    await queryRunner.query(`CREATE INDEX follow_up_nurse_active_idx ON follow_up (nurse_id, child_id) WHERE status = 'ACTIVE'`);
    await queryRunner.query(`CREATE INDEX follow_up_institution_active_idx ON follow_up (institution, child_id) WHERE status = 'ACTIVE'`);
    await queryRunner.query(`
      CREATE TABLE home_visit (
        id text PRIMARY KEY,
        follow_up_id text NOT NULL REFERENCES follow_up (id),
        child_id text NOT NULL,
        visited_on date NOT NULL,
        nurse_id text NOT NULL REFERENCES pmi_agent (id),
        notes text NOT NULL CHECK (char_length(notes) BETWEEN 1 AND 5000),
        idempotency_key text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX home_visit_child_idx ON home_visit (child_id, visited_on DESC)');
    await queryRunner.query('CREATE INDEX home_visit_follow_up_idx ON home_visit (follow_up_id)');
    await queryRunner.query(`
      CREATE TABLE health_check (
        id text PRIMARY KEY,
        child_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('DAY_8', 'MONTH_9', 'MONTH_24', 'YEAR_3_4')),
        checked_on date NOT NULL,
        findings text NOT NULL CHECK (char_length(findings) BETWEEN 1 AND 5000),
        examiner_name text,
        recorded_by text NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE INDEX health_check_child_idx ON health_check (child_id, checked_on DESC)');
    await queryRunner.query(`
      CREATE TABLE vaccination (
        child_id text PRIMARY KEY,
        status text NOT NULL CHECK (status IN ('UP_TO_DATE', 'LATE', 'UNKNOWN')),
        details text,
        updated_on date NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE vaccination');
    await queryRunner.query('DROP TABLE health_check');
    await queryRunner.query('DROP TABLE home_visit');
    await queryRunner.query('DROP TABLE follow_up');
    await queryRunner.query('DROP TABLE pmi_agent');
  }
}
