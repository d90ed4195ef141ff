import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who closed a dossier (closeDossier): an identical retry is answered with the dossier only
 * for that agent, as closeFollowUp and endChildcareArrangement do. Null for a dossier still
 * open, or closed before this column.
 */
export class DossierClosedBy1732300000500 implements MigrationInterface {
  name = 'DossierClosedBy1732300000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE dossier ADD COLUMN closed_by text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE dossier DROP COLUMN closed_by');
  }
}
