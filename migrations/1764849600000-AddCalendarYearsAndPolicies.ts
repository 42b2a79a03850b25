import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Holiday schedules that administrators load each year, and versioned escalation policies. */
export class AddCalendarYearsAndPolicies1764849600000 implements MigrationInterface {
  name = 'AddCalendarYearsAndPolicies1764849600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE calendar_years (
        year integer PRIMARY KEY CHECK (year BETWEEN 1990 AND 2200),
        schedule jsonb NOT NULL,
        loaded_at timestamptz NOT NULL,
        loaded_by varchar(128) NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE escalation_policies (
        id varchar(64) NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        jurisdiction_prefix varchar(6) NOT NULL,
        listing_level varchar(16),
        policy jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        created_by varchar(128) NOT NULL,
        PRIMARY KEY (id, version)
      )`);
    await queryRunner.query(
      `CREATE INDEX escalation_policies_scope ON escalation_policies (jurisdiction_prefix, listing_level, version DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE escalation_policies`);
    await queryRunner.query(`DROP TABLE calendar_years`);
  }
}
