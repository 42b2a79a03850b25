import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Adds the delivery state and delivery log of outbox notifications, and the evidence files of cases.
 * Notifications written before this migration have no `dispatched_at`, so a dispatcher sends them too.
 */
export class AddDeliveryLogAndEvidence1764842400000 implements MigrationInterface {
  name = 'AddDeliveryLogAndEvidence1764842400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Set when a dispatcher has created the notification's delivery rows; the partial index keeps the
    // search for new notifications cheap however long the outbox grows.
    await queryRunner.query(`ALTER TABLE notifications ADD COLUMN dispatched_at timestamptz`);
    await queryRunner.query(
      `CREATE INDEX notifications_undispatched ON notifications (created_at) WHERE dispatched_at IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE notification_deliveries (
        notification_key varchar(128) NOT NULL REFERENCES notifications (key),
        channel varchar(32) NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('pending', 'delivered', 'skipped', 'dead')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        requeued_at_attempt integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        delivered_at timestamptz,
        PRIMARY KEY (notification_key, channel)
      )`);
    await queryRunner.query(
      `CREATE INDEX notification_deliveries_due ON notification_deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX notification_deliveries_dead ON notification_deliveries (updated_at) WHERE status = 'dead'`,
    );

    await queryRunner.query(`
      CREATE TABLE notification_delivery_attempts (
        id bigserial PRIMARY KEY,
        notification_key varchar(128) NOT NULL,
        channel varchar(32) NOT NULL,
        attempt integer NOT NULL CHECK (attempt > 0),
        outcome varchar(16) NOT NULL CHECK (outcome IN ('delivered', 'failed', 'skipped')),
        error text,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL,
        dispatcher varchar(128) NOT NULL,
        UNIQUE (notification_key, channel, attempt),
        FOREIGN KEY (notification_key, channel) REFERENCES notification_deliveries (notification_key, channel)
      )`);

    await queryRunner.query(`
      CREATE TABLE evidence (
        id uuid PRIMARY KEY,
        case_number varchar(64) NOT NULL REFERENCES hazard_cases (case_number),
        kind varchar(16) NOT NULL CHECK (kind IN ('photo', 'document')),
        event_sequence integer,
        hazard_item_index integer CHECK (hazard_item_index >= 0),
        phase varchar(8) CHECK (phase IN ('before', 'after')),
        replaces uuid UNIQUE,
        description text,
        file_name text,
        content_type varchar(64) NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
        sha256 char(64) NOT NULL,
        storage varchar(8) NOT NULL,
        storage_key text NOT NULL,
        captured_at timestamptz,
        gps_latitude double precision CHECK (gps_latitude BETWEEN -90 AND 90),
        gps_longitude double precision CHECK (gps_longitude BETWEEN -180 AND 180),
        uploaded_by jsonb NOT NULL,
        uploaded_at timestamptz NOT NULL,
        UNIQUE (case_number, id),
        FOREIGN KEY (case_number, event_sequence) REFERENCES case_events (case_number, sequence),
        FOREIGN KEY (case_number, replaces) REFERENCES evidence (case_number, id)
      )`);
    await queryRunner.query(`CREATE INDEX evidence_case_uploaded_at ON evidence (case_number, uploaded_at)`);
    // Evidence is immutable: a correction is a new row, so the database rejects changes to written rows.
    await queryRunner.query(`
      CREATE FUNCTION evidence_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'evidence is immutable: % is not allowed; upload a correction that replaces the row', TG_OP;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER evidence_immutable BEFORE UPDATE OR DELETE ON evidence
      FOR EACH ROW EXECUTE FUNCTION evidence_reject_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER evidence_immutable ON evidence`);
    await queryRunner.query(`DROP FUNCTION evidence_reject_change()`);
    await queryRunner.query(`DROP TABLE evidence`);
    await queryRunner.query(`DROP TABLE notification_delivery_attempts`);
    await queryRunner.query(`DROP TABLE notification_deliveries`);
    await queryRunner.query(`DROP INDEX notifications_undispatched`);
    await queryRunner.query(`ALTER TABLE notifications DROP COLUMN dispatched_at`);
  }
}
