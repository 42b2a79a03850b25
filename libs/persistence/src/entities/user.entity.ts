import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { Role } from '@duban/domain';

/**
 * A user known to Duban, keyed by the `sub` claim of its bearer tokens. A unit user has a unit credit
 * code and no jurisdiction; every other role has a jurisdiction and no unit (a database check enforces it).
 */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  id!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName!: string;

  @Column({ type: 'varchar', length: 32 })
  role!: Role;

  @Index('users_jurisdiction_code')
  @Column({ name: 'jurisdiction_code', type: 'char', length: 6, nullable: true })
  jurisdictionCode!: string | null;

  @Index('users_unit_credit_code')
  @Column({ name: 'unit_credit_code', type: 'char', length: 18, nullable: true })
  unitCreditCode!: string | null;

  /** False for a user whose tokens the API rejects with 401. */
  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'varchar', length: 128 })
  updatedBy!: string;
}
