import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitJustice1732300000000 implements MigrationInterface {
  name = 'InitJustice1732300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE court_case (
        id text PRIMARY KEY,
        child_id text NOT NULL,
        court text NOT NULL,
        judge_id text NOT NULL,
        opened_on date NOT NULL,
        closed_on date,
        idempotency_key text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (closed_on IS NULL OR closed_on >= opened_on)
      )`);
    await queryRunner.query('CREATE INDEX court_case_child_idx ON court_case (child_id)');
    await queryRunner.query('CREATE INDEX court_case_court_idx ON court_case (court, child_id)');
    await queryRunner.query(`
      CREATE TABLE court_decision (
        id text PRIMARY KEY,
        case_id text NOT NULL REFERENCES court_case (id),
        child_id text NOT NULL,
        court text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('OPP', 'AEMO_JUDGMENT', 'PLACEMENT_JUDGMENT', 'RENEWAL', 'MAINLEVEE')),
        decided_at date NOT NULL,
        effective_until date,
        measure_ordered text NOT NULL CHECK (measure_ordered IN ('NONE', 'AEMO', 'PLACEMENT')),
        content text NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (effective_until IS NULL OR effective_until >= decided_at)
      )`);
    await queryRunner.query('CREATE INDEX court_decision_child_idx ON court_decision (child_id, decided_at DESC)');
    await queryRunner.query('CREATE INDEX court_decision_case_idx ON court_decision (case_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE court_decision');
    await queryRunner.query('DROP TABLE court_case');
  }
}
