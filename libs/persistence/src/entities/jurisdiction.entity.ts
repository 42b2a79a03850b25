import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { JurisdictionLevel } from '@duban/domain';

/**
 * One administrative division (行政区划) of the GB/T 2260 code tree. The migration seeds the current
 * divisions, and administrators add new ones and mark merged or abolished ones inactive. No endpoint
 * deletes one, because cases, units and users keep their codes.
 */
@Entity({ name: 'jurisdictions' })
export class JurisdictionEntity {
  @PrimaryColumn({ type: 'char', length: 6 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  /** Code of the containing division, or null for a province. */
  @Index('jurisdictions_parent_code')
  @Column({ name: 'parent_code', type: 'char', length: 6, nullable: true })
  parentCode!: string | null;

  @Column({ type: 'varchar', length: 8 })
  level!: JurisdictionLevel;

  /** False once the division is merged or abolished: no new case, unit or user may name it. */
  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Id of the administrator who last changed the row, or `seed` for a row the migration wrote. */
  @Column({ name: 'updated_by', type: 'varchar', length: 128 })
  updatedBy!: string;
}
