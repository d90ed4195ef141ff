import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hub connects at run time as a member of `cp_hub_runtime`, a role that owns nothing:
 * it gets only the privileges granted here (and, for the audit log, never UPDATE, DELETE or
 * TRUNCATE). Migrations run as the database owner.
 */
export class HubRuntimeRoleConsentNotifications1732300002000 implements MigrationInterface {
  name = 'HubRuntimeRoleConsentNotifications1732300002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cp_hub_runtime') THEN
          CREATE ROLE cp_hub_runtime NOLOGIN;
        END IF;
      -- Roles belong to the whole cluster: another database's migration may create it at the same moment.
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    await queryRunner.query(`DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO cp_hub_runtime', current_database()); END $$`);
    await queryRunner.query('GRANT USAGE ON SCHEMA public TO cp_hub_runtime');
    await queryRunner.query('GRANT SELECT, INSERT ON child TO cp_hub_runtime');
    await queryRunner.query('GRANT SELECT ON migrations TO cp_hub_runtime');
    await queryRunner.query(`
      CREATE TABLE consent (
        id uuid PRIMARY KEY,
        child_id text NOT NULL,
        categories text[] NOT NULL CHECK (cardinality(categories) BETWEEN 1 AND 11),
        recipient_role text NOT NULL,
        granted_by text NOT NULL CHECK (length(granted_by) BETWEEN 1 AND 200),
        valid_from date NOT NULL,
        valid_until date,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_by text,
        idempotency_key text UNIQUE,
        CHECK (valid_until IS NULL OR valid_until >= valid_from)
      )`);
    await queryRunner.query('CREATE INDEX consent_lookup_idx ON consent (child_id, recipient_role) WHERE revoked_at IS NULL');
    await queryRunner.query('GRANT SELECT, INSERT ON consent TO cp_hub_runtime');
    // Revocation is the only change a consent ever undergoes.
    await queryRunner.query('GRANT UPDATE (revoked_at, revoked_by) ON consent TO cp_hub_runtime');
    await queryRunner.query(`
      CREATE TABLE access_notification (
        id uuid PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        child_id text NOT NULL,
        category text NOT NULL,
        viewer_agent_id text NOT NULL,
        viewer_name text NOT NULL,
        viewer_role text NOT NULL,
        viewer_institution text NOT NULL,
        read_at timestamptz
      )`);
    await queryRunner.query('CREATE INDEX access_notification_child_idx ON access_notification (child_id, at DESC)');
    await queryRunner.query('GRANT SELECT, INSERT ON access_notification TO cp_hub_runtime');
    await queryRunner.query('GRANT UPDATE (read_at) ON access_notification TO cp_hub_runtime');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE access_notification');
    await queryRunner.query('DROP TABLE consent');
    await queryRunner.query('REVOKE ALL ON child, migrations FROM cp_hub_runtime');
  }
}
