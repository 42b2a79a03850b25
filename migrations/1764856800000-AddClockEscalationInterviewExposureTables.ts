import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projects each case's clocks, escalations, interviews and exposure into tables of their own, so
 * reports and pages query them by column instead of walking the case state. Existing cases are
 * filled from their state.
 */
export class AddClockEscalationInterviewExposureTables1764856800000 implements MigrationInterface {
  name = 'AddClockEscalationInterviewExposureTables1764856800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_clocks (
        case_number varchar(64) NOT NULL REFERENCES hazard_cases (case_number) ON DELETE CASCADE,
        clock_id varchar(32) NOT NULL,
        due date NOT NULL,
        due_at timestamptz NOT NULL,
        provisional boolean NOT NULL,
        status varchar(16) NOT NULL CHECK (status IN ('running', 'met', 'missed', 'stopped')),
        settled_at timestamptz,
        basis jsonb NOT NULL,
        explanation jsonb NOT NULL,
        PRIMARY KEY (case_number, clock_id)
      )`);
    await queryRunner.query(`CREATE INDEX case_clocks_running_due_at ON case_clocks (due_at) WHERE status = 'running'`);

    await queryRunner.query(`
      CREATE TABLE case_escalations (
        case_number varchar(64) NOT NULL REFERENCES hazard_cases (case_number) ON DELETE CASCADE,
        escalation_id varchar(128) NOT NULL,
        kind varchar(32) NOT NULL,
        jurisdiction_code char(6) NOT NULL,
        sent_at timestamptz NOT NULL,
        acknowledge_by timestamptz,
        resends integer NOT NULL,
        climbs integer NOT NULL,
        acknowledged_at timestamptz,
        instruction text,
        superseded_at timestamptz,
        PRIMARY KEY (case_number, escalation_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX case_escalations_open ON case_escalations (jurisdiction_code, sent_at) WHERE acknowledged_at IS NULL AND superseded_at IS NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE case_interviews (
        case_number varchar(64) NOT NULL REFERENCES hazard_cases (case_number) ON DELETE CASCADE,
        ordinal integer NOT NULL,
        held_on date NOT NULL,
        attendees jsonb NOT NULL,
        minutes text NOT NULL,
        commitment text NOT NULL,
        recorded_at timestamptz NOT NULL,
        PRIMARY KEY (case_number, ordinal)
      )`);

    await queryRunner.query(`
      CREATE TABLE case_exposures (
        case_number varchar(64) PRIMARY KEY REFERENCES hazard_cases (case_number) ON DELETE CASCADE,
        status varchar(16) NOT NULL CHECK (status IN ('proposed', 'rejected', 'published', 'taken_down')),
        proposed_at timestamptz NOT NULL,
        decided_at timestamptz,
        published_at timestamptz,
        takedown_at timestamptz,
        taken_down_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX case_exposures_published ON case_exposures (published_at DESC) WHERE status = 'published'`,
    );
    await queryRunner.query(`DROP INDEX hazard_cases_published_exposure`);

    await this.fillFromState(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX hazard_cases_published_exposure ON hazard_cases (case_number)
      WHERE state -> 'exposure' ->> 'status' = 'published'`);
    await queryRunner.query(`DROP TABLE case_exposures`);
    await queryRunner.query(`DROP TABLE case_interviews`);
    await queryRunner.query(`DROP TABLE case_escalations`);
    await queryRunner.query(`DROP TABLE case_clocks`);
  }

  private async fillFromState(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      INSERT INTO case_clocks (case_number, clock_id, due, due_at, provisional, status, settled_at, basis, explanation)
      SELECT c.case_number, clock.key, (clock.value ->> 'due')::date, (clock.value ->> 'dueAt')::timestamptz,
             (clock.value ->> 'provisional')::boolean, clock.value ->> 'status',
             (clock.value ->> 'settledAt')::timestamptz, clock.value -> 'basis', clock.value -> 'explanation'
      FROM hazard_cases c, jsonb_each(c.state -> 'clocks') AS clock`);
    await queryRunner.query(`
      INSERT INTO case_escalations (case_number, escalation_id, kind, jurisdiction_code, sent_at, acknowledge_by,
        resends, climbs, acknowledged_at, instruction, superseded_at)
      SELECT c.case_number, e ->> 'id', e ->> 'kind', e ->> 'jurisdictionCode', (e ->> 'sentAt')::timestamptz,
             NULLIF(e ->> 'acknowledgeBy', '')::timestamptz, (e ->> 'resends')::integer, (e ->> 'climbs')::integer,
             (e ->> 'acknowledgedAt')::timestamptz, e ->> 'instruction', (e ->> 'supersededAt')::timestamptz
      FROM hazard_cases c, jsonb_array_elements(c.state -> 'escalations') AS e`);
    await queryRunner.query(`
      INSERT INTO case_interviews (case_number, ordinal, held_on, attendees, minutes, commitment, recorded_at)
      SELECT c.case_number, i.ordinal, (i.value ->> 'heldOn')::date, i.value -> 'attendees', i.value ->> 'minutes',
             i.value ->> 'commitment', (i.value ->> 'recordedAt')::timestamptz
      FROM hazard_cases c, jsonb_array_elements(c.state -> 'interviews') WITH ORDINALITY AS i (value, ordinal)`);
    await queryRunner.query(`
      INSERT INTO case_exposures (case_number, status, proposed_at, decided_at, published_at, takedown_at, taken_down_at)
      SELECT c.case_number, x ->> 'status', (x ->> 'proposedAt')::timestamptz, (x ->> 'decidedAt')::timestamptz,
             (x ->> 'publishedAt')::timestamptz, (x ->> 'takedownAt')::timestamptz, (x ->> 'takenDownAt')::timestamptz
      FROM hazard_cases c, LATERAL (SELECT c.state -> 'exposure' AS x) AS exposure
      WHERE x IS NOT NULL AND jsonb_typeof(x) = 'object'`);
  }
}
