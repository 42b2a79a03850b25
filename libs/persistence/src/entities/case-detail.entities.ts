import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Tables projected from a case's state with every event: its clocks, escalations, interviews and
 * exposure. The case state stays the source, and these rows are rewritten whenever the case row is.
 */

/** One legal clock of a case. */
@Entity({ name: 'case_clocks' })
export class CaseClockEntity {
  @PrimaryColumn({ name: 'case_number', type: 'varchar', length: 64 })
  caseNumber!: string;

  @PrimaryColumn({ name: 'clock_id', type: 'varchar', length: 32 })
  clockId!: string;

  /** China date the deadline falls on. */
  @Column({ type: 'date' })
  due!: string;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  /** True while the deadline counts days of a year whose official calendar is not loaded. */
  @Column({ type: 'boolean' })
  provisional!: boolean;

  @Column({ type: 'varchar', length: 16 })
  status!: 'running' | 'met' | 'missed' | 'stopped';

  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  settledAt!: Date | null;

  @Column({ type: 'jsonb' })
  basis!: unknown;

  @Column({ type: 'jsonb' })
  explanation!: unknown;
}

/** One escalation sent to a government's leaders, open until acknowledged. */
@Entity({ name: 'case_escalations' })
export class CaseEscalationEntity {
  @PrimaryColumn({ name: 'case_number', type: 'varchar', length: 64 })
  caseNumber!: string;

  @PrimaryColumn({ name: 'escalation_id', type: 'varchar', length: 128 })
  escalationId!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  /** Government it is addressed to now: it climbs to the parent when not acknowledged in time. */
  @Column({ name: 'jurisdiction_code', type: 'char', length: 6 })
  jurisdictionCode!: string;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt!: Date;

  /** Acknowledgement deadline, null once it went unanswered at the top of the hierarchy. */
  @Column({ name: 'acknowledge_by', type: 'timestamptz', nullable: true })
  acknowledgeBy!: Date | null;

  @Column({ type: 'integer' })
  resends!: number;

  @Column({ type: 'integer' })
  climbs!: number;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;

  /** The leader's instruction (批示) given with the acknowledgement. */
  @Column({ type: 'text', nullable: true })
  instruction!: string | null;

  /** When an extended deadline or the closure ended the chase before acknowledgement. */
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;
}

/** One interview (约谈) of the responsible unit, numbered from 1 in the order recorded. */
@Entity({ name: 'case_interviews' })
export class CaseInterviewEntity {
  @PrimaryColumn({ name: 'case_number', type: 'varchar', length: 64 })
  caseNumber!: string;

  @PrimaryColumn({ type: 'integer' })
  ordinal!: number;

  @Column({ name: 'held_on', type: 'date' })
  heldOn!: string;

  @Column({ type: 'jsonb' })
  attendees!: string[];

  @Column({ type: 'text' })
  minutes!: string;

  @Column({ type: 'text' })
  commitment!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

/** The media exposure (曝光) of a case, from proposal to takedown. */
@Entity({ name: 'case_exposures' })
export class CaseExposureEntity {
  @PrimaryColumn({ name: 'case_number', type: 'varchar', length: 64 })
  caseNumber!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: 'proposed' | 'rejected' | 'published' | 'taken_down';

  @Column({ name: 'proposed_at', type: 'timestamptz' })
  proposedAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** When the published exposure is due to come down. */
  @Column({ name: 'takedown_at', type: 'timestamptz', nullable: true })
  takedownAt!: Date | null;

  @Column({ name: 'taken_down_at', type: 'timestamptz', nullable: true })
  takenDownAt!: Date | null;
}
