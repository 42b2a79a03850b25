import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stores the China date each case's rectification ended (closure, else delisting, else withdrawal) in
 * a column with an index, so the results list and the statistics filter on it instead of parsing
 * every case's state. Existing cases are filled from their state.
 */
export class AddCaseEndedOn1764860400000 implements MigrationInterface {
  name = 'AddCaseEndedOn1764860400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE hazard_cases ADD COLUMN ended_on date`);
    await queryRunner.query(`
      UPDATE hazard_cases
         SET ended_on = ((COALESCE(state->>'closedAt', state->>'delistedAt', state->'withdrawal'->>'at'))::timestamptz
                         AT TIME ZONE 'Asia/Shanghai')::date
       WHERE COALESCE(state->>'closedAt', state->>'delistedAt', state->'withdrawal'->>'at') IS NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX hazard_cases_ended_on ON hazard_cases (ended_on, case_number) WHERE ended_on IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX hazard_cases_ended_on`);
    await queryRunner.query(`ALTER TABLE hazard_cases DROP COLUMN ended_on`);
  }
}
