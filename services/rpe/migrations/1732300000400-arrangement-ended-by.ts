import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who recorded an arrangement's end: an identical retry of endChildcareArrangement is answered
 * with the arrangement only for that agent (the hub shows the answer as vouched for by the
 * writer's own write). Null for an arrangement registered with its end, or ended before this.
 */
export class ArrangementEndedBy1732300000400 implements MigrationInterface {
  name = 'ArrangementEndedBy1732300000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE childcare_arrangement ADD COLUMN ended_by text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE childcare_arrangement DROP COLUMN ended_by');
  }
}
