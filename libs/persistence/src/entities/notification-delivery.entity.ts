import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Status of one notification's delivery on one channel. */
export type DeliveryStatus = 'pending' | 'delivered' | 'skipped' | 'dead';

/**
 * Delivery state of one notification on one channel (webhook, email). The dispatcher creates it when it
 * first picks the notification up, and updates it after every attempt in the same transaction as the
 * attempt's log row.
 */
@Entity({ name: 'notification_deliveries' })
export class NotificationDeliveryEntity {
  @PrimaryColumn({ name: 'notification_key', type: 'varchar', length: 128 })
  notificationKey!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  channel!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: DeliveryStatus;

  /** Attempts made so far; the next attempt's number is one more. */
  @Column({ type: 'integer' })
  attempts!: number;

  /** Value of `attempts` when an administrator last re-queued the dead letter (0 if never). */
  @Column({ name: 'requeued_at_attempt', type: 'integer' })
  requeuedAtAttempt!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
