import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A responsible unit (责任单位) registered by its unified social credit code. */
@Entity({ name: 'units' })
export class UnitEntity {
  @PrimaryColumn({ name: 'credit_code', type: 'char', length: 18 })
  creditCode!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Index('units_jurisdiction_code')
  @Column({ name: 'jurisdiction_code', type: 'char', length: 6 })
  jurisdictionCode!: string;

  @Column({ type: 'text' })
  address!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'varchar', length: 128 })
  updatedBy!: string;
}
