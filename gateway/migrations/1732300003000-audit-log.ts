import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: one row per response that released or withheld child data, hash-chained
 * (gateway/src/audit/audit-chain.ts). Append-only twice over: the runtime role
 * `cp_hub_runtime` is granted only SELECT and INSERT and owns nothing (so it can neither
 * drop nor disable the triggers), and the triggers refuse UPDATE, DELETE and TRUNCATE to
 * everyone else short of a superuser replaying with `session_replication_role = replica`,
 * which is what the chain is there to expose.
 *
 * `prev_hash` is unique as well: two writers that read the same last hash (a fork) cannot
 * both commit, whatever their transaction isolation.
 */
export class AuditLog1732300003000 implements MigrationInterface {
  name = 'AuditLog1732300003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_entry (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        at timestamptz NOT NULL,
        agent_id text NOT NULL,
        role text NOT NULL,
        institution text NOT NULL,
        operation_name text,
        operation_hash text NOT NULL,
        child_ids text[] NOT NULL,
        released text[] NOT NULL,
        withheld jsonb NOT NULL CHECK (jsonb_typeof(withheld) = 'array'),
        prev_hash text NOT NULL UNIQUE CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
        hash text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$')
      )`);
    await queryRunner.query('CREATE INDEX audit_entry_child_ids_idx ON audit_entry USING gin (child_ids)');
    await queryRunner.query('CREATE INDEX audit_entry_agent_idx ON audit_entry (agent_id, seq DESC)');
    await queryRunner.query('CREATE INDEX audit_entry_at_idx ON audit_entry (at)');
    await queryRunner.query(`
      CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_entry_no_update_delete BEFORE UPDATE OR DELETE ON audit_entry
        FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
        FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()`);
    // INSERT on every column but `seq`: the runtime cannot place a row at a position of its
    // choosing (OVERRIDING SYSTEM VALUE). An identity column draws its values without any
    // privilege on its sequence, so nothing else is needed.
    await queryRunner.query('GRANT SELECT ON audit_entry TO cp_hub_runtime');
    await queryRunner.query(`
      GRANT INSERT (id, at, agent_id, role, institution, operation_name, operation_hash, child_ids, released, withheld, prev_hash, hash)
        ON audit_entry TO cp_hub_runtime`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit_entry');
    await queryRunner.query('DROP FUNCTION audit_entry_append_only()');
  }
}
