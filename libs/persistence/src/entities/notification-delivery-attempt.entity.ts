import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Result of one delivery attempt: sent, failed, or skipped because the channel has no address for the recipient. */
export type AttemptOutcome = 'delivered' | 'failed' | 'skipped';

/** Delivery log: one row per attempt to send a notification on a channel, written before the next attempt starts. */
@Entity({ name: 'notification_delivery_attempts' })
export class NotificationDeliveryAttemptEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'notification_key', type: 'varchar', length: 128 })
  notificationKey!: string;

  @Column({ type: 'varchar', length: 32 })
  channel!: string;

  @Column({ type: 'integer' })
  attempt!: number;

  @Column({ type: 'varchar', length: 16 })
  outcome!: AttemptOutcome;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt!: Date;

  @Column({ name: 'finished_at', type: 'timestamptz' })
  finishedAt!: Date;

  /** Host name and process id of the dispatcher that made the attempt. */
  @Column({ type: 'varchar', length: 128 })
  dispatcher!: string;
}
