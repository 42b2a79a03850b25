import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { CaseStage, CaseState, DiscoverySource, HazardItem, ListingLevel, PlaceType } from '@duban/domain';

/** Read model of one hazard case: the latest snapshot the case workflow recorded. */
@Entity({ name: 'hazard_cases' })
@Index('hazard_cases_opened_at_case_number', ['openedAt', 'caseNumber'])
export class HazardCaseEntity {
  @PrimaryColumn({ name: 'case_number', type: 'varchar', length: 64 })
  caseNumber!: string;

  @Column({ type: 'varchar', length: 32 })
  stage!: CaseStage;

  @Index()
  @Column({ name: 'jurisdiction_code', type: 'char', length: 6 })
  jurisdictionCode!: string;

  @Column({ name: 'place_type', type: 'varchar', length: 64 })
  placeType!: PlaceType;

  @Column({ type: 'text' })
  address!: string;

  @Column({ name: 'unit_name', type: 'text' })
  unitName!: string;

  @Index()
  @Column({ name: 'unit_credit_code', type: 'char', length: 18, nullable: true })
  unitCreditCode!: string | null;

  @Column({ name: 'discovered_on', type: 'date' })
  discoveredOn!: string;

  @Column({ name: 'discovery_source', type: 'varchar', length: 32 })
  discoverySource!: DiscoverySource;

  @Column({ name: 'hazard_items', type: 'jsonb' })
  hazardItems!: HazardItem[];

  @Column({ name: 'opening_hash', type: 'char', length: 64 })
  openingHash!: string;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'last_sequence', type: 'integer' })
  lastSequence!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** The whole workflow state after the last recorded event. */
  @Column({ type: 'jsonb' })
  state!: CaseState;

  @Column({ name: 'listing_level', type: 'varchar', length: 16, nullable: true })
  listingLevel!: ListingLevel | null;

  /** Rectification deadline in force (China date), or null before a notice sets one. */
  @Column({ type: 'date', nullable: true })
  deadline!: string | null;

  @Column({ name: 'deadline_at', type: 'timestamptz', nullable: true })
  deadlineAt!: Date | null;

  @Column({ type: 'boolean' })
  overdue!: boolean;

  @Column({ type: 'boolean' })
  imported!: boolean;

  /** China date the rectification ended: closure, else delisting, else withdrawal. Null while it runs. */
  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn!: string | null;
}
