import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCaseTables1764835200000 implements MigrationInterface {
  name = 'CreateCaseTables1764835200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE hazard_cases (
        case_number varchar(64) PRIMARY KEY,
        stage varchar(32) NOT NULL,
        jurisdiction_code char(6) NOT NULL,
        place_type varchar(64) NOT NULL,
        address text NOT NULL,
        unit_name text NOT NULL,
        unit_credit_code char(18) NOT NULL,
        discovered_on date NOT NULL,
        discovery_source varchar(32) NOT NULL,
        hazard_items jsonb NOT NULL,
        opening_hash char(64) NOT NULL,
        opened_at timestamptz NOT NULL,
        last_sequence integer NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX hazard_cases_opened_at_case_number ON hazard_cases (opened_at, case_number)`);
    await queryRunner.query(`CREATE INDEX hazard_cases_jurisdiction_code ON hazard_cases (jurisdiction_code)`);
    await queryRunner.query(`CREATE INDEX hazard_cases_unit_credit_code ON hazard_cases (unit_credit_code)`);

    await queryRunner.query(`
      CREATE TABLE case_events (
        case_number varchar(64) NOT NULL,
        sequence integer NOT NULL CHECK (sequence > 0),
        type varchar(64) NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor jsonb NOT NULL,
        reason text,
        data jsonb NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (case_number, sequence)
      )`);

    await queryRunner.query(`
      CREATE TABLE audit_entries (
        id bigserial PRIMARY KEY,
        case_number varchar(64) NOT NULL,
        sequence integer NOT NULL,
        event_type varchar(64) NOT NULL,
        content text NOT NULL,
        previous_hash varchar(64) NOT NULL,
        hash varchar(64) NOT NULL,
        algorithm varchar(16) NOT NULL,
        recorded_at timestamptz NOT NULL,
        UNIQUE (case_number, sequence)
      )`);
    // The audit trail is append-only: the database itself rejects changes to written rows.
    await queryRunner.query(`
      CREATE FUNCTION audit_entries_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entries is append-only: % is not allowed', TG_OP;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
      FOR EACH ROW EXECUTE FUNCTION audit_entries_reject_change()`);

    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        key varchar(255) PRIMARY KEY,
        request_hash char(64) NOT NULL,
        case_number varchar(64) NOT NULL,
        created_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE idempotency_keys`);
    await queryRunner.query(`DROP TRIGGER audit_entries_append_only ON audit_entries`);
    await queryRunner.query(`DROP FUNCTION audit_entries_reject_change()`);
    await queryRunner.query(`DROP TABLE audit_entries`);
    await queryRunner.query(`DROP TABLE case_events`);
    await queryRunner.query(`DROP TABLE hazard_cases`);
  }
}
