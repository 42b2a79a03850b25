import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Outbox row of one notification, written in the same transaction as the event that causes it. The
 * key (case number / event sequence / index in the event) is stable, so receivers can drop repeats.
 */
@Entity({ name: 'notifications' })
export class NotificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  key!: string;

  @Column({ name: 'case_number', type: 'varchar', length: 64 })
  caseNumber!: string;

  @Column({ type: 'integer' })
  sequence!: number;

  @Column({ type: 'varchar', length: 64 })
  topic!: string;

  @Column({ name: 'recipient_kind', type: 'varchar', length: 16 })
  recipientKind!: 'unit' | 'role';

  @Column({ name: 'recipient_jurisdiction_code', type: 'char', length: 6 })
  recipientJurisdictionCode!: string;

  @Column({ name: 'recipient_role', type: 'varchar', length: 32, nullable: true })
  recipientRole!: string | null;

  @Column({ name: 'recipient_unit_credit_code', type: 'char', length: 18, nullable: true })
  recipientUnitCreditCode!: string | null;

  @Column({ name: 'escalation_id', type: 'varchar', length: 128, nullable: true })
  escalationId!: string | null;

  @Column({ name: 'text_zh', type: 'text' })
  textZh!: string;

  @Column({ name: 'text_en', type: 'text' })
  textEn!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
