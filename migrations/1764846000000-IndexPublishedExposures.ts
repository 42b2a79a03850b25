import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes the cases under media exposure, which the public exposure page reads on every request. */
export class IndexPublishedExposures1764846000000 implements MigrationInterface {
  name = 'IndexPublishedExposures1764846000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX hazard_cases_published_exposure ON hazard_cases (case_number)
      WHERE state -> 'exposure' ->> 'status' = 'published'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX hazard_cases_published_exposure`);
  }
}
