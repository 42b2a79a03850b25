import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keeps the whole workflow state of each case, with the columns lists filter on, and adds the
 * notification outbox the case workflow writes in the same transaction as the events.
 */
export class AddCaseStateAndOutbox1764838800000 implements MigrationInterface {
  name = 'AddCaseStateAndOutbox1764838800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE hazard_cases ALTER COLUMN unit_credit_code DROP NOT NULL`);
    await queryRunner.query(`
      ALTER TABLE hazard_cases
        ADD COLUMN state jsonb NOT NULL DEFAULT '{}'::jsonb,
        ADD COLUMN listing_level varchar(16),
        ADD COLUMN deadline date,
        ADD COLUMN deadline_at timestamptz,
        ADD COLUMN overdue boolean NOT NULL DEFAULT false,
        ADD COLUMN imported boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE hazard_cases ALTER COLUMN state DROP DEFAULT`);
    await queryRunner.query(`CREATE INDEX hazard_cases_stage ON hazard_cases (stage)`);
    await queryRunner.query(`CREATE INDEX hazard_cases_deadline_at ON hazard_cases (deadline_at)`);

    await queryRunner.query(`
      CREATE TABLE notifications (
        key varchar(128) PRIMARY KEY,
        case_number varchar(64) NOT NULL,
        sequence integer NOT NULL,
        topic varchar(64) NOT NULL,
        recipient_kind varchar(16) NOT NULL,
        recipient_jurisdiction_code char(6) NOT NULL,
        recipient_role varchar(32),
        recipient_unit_credit_code char(18),
        escalation_id varchar(128),
        text_zh text NOT NULL,
        text_en text NOT NULL,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        FOREIGN KEY (case_number, sequence) REFERENCES case_events (case_number, sequence)
      )`);
    await queryRunner.query(
      `CREATE INDEX notifications_recipient ON notifications (recipient_jurisdiction_code, recipient_role, created_at)`,
    );
    await queryRunner.query(`CREATE INDEX notifications_case ON notifications (case_number, sequence)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notifications`);
    await queryRunner.query(`DROP INDEX hazard_cases_deadline_at`);
    await queryRunner.query(`DROP INDEX hazard_cases_stage`);
    await queryRunner.query(`
      ALTER TABLE hazard_cases
        DROP COLUMN state, DROP COLUMN listing_level, DROP COLUMN deadline, DROP COLUMN deadline_at,
        DROP COLUMN overdue, DROP COLUMN imported`);
    await queryRunner.query(`ALTER TABLE hazard_cases ALTER COLUMN unit_credit_code SET NOT NULL`);
  }
}
