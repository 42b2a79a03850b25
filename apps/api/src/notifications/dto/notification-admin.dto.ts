import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

import type { AttemptView, DeadLetter, DeliveryView, OutboxNotification } from '@duban/notifications';

export const DEFAULT_DEAD_LETTER_PAGE_SIZE = 50;
export const MAX_DEAD_LETTER_PAGE_SIZE = 200;
export const DELIVERY_CHANNELS = ['webhook', 'email'] as const;

/** Query of GET /admin/notifications/dead-letters. */
export class ListDeadLettersQuery {
  @ApiPropertyOptional({
    description: `Page size, 1–${MAX_DEAD_LETTER_PAGE_SIZE}`,
    default: DEFAULT_DEAD_LETTER_PAGE_SIZE,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1, { context: { min: 1 } })
  @Max(MAX_DEAD_LETTER_PAGE_SIZE, { context: { max: MAX_DEAD_LETTER_PAGE_SIZE } })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page; omit for the first page' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

/** Query of POST /admin/notifications/:key/retry. */
export class RetryQuery {
  @ApiPropertyOptional({
    description: 'Re-queue only this channel; all dead channels when omitted',
    enum: DELIVERY_CHANNELS,
  })
  @IsOptional()
  @IsIn(DELIVERY_CHANNELS, { context: { values: DELIVERY_CHANNELS } })
  channel?: (typeof DELIVERY_CHANNELS)[number];
}

class RecipientResponse {
  @ApiProperty({ enum: ['unit', 'role'] })
  kind!: 'unit' | 'role';

  @ApiProperty({ description: 'Jurisdiction (辖区) of the recipient, GB/T 2260 code' })
  jurisdictionCode!: string;

  @ApiProperty({ description: 'Role of the recipient, for kind role', type: String, nullable: true })
  role!: string | null;

  @ApiProperty({ description: 'Credit code of the unit, for kind unit', type: String, nullable: true })
  unitCreditCode!: string | null;
}

class NotificationTextResponse {
  @ApiProperty()
  zh!: string;

  @ApiProperty()
  en!: string;
}

/** An outbox notification (通知). */
export class NotificationResponse {
  @ApiProperty({
    description: 'Stable key (通知编号): case number / event sequence / index',
    example: 'HZ-2025-0001/7/0',
  })
  key!: string;

  @ApiProperty()
  caseNumber!: string;

  @ApiProperty({ description: 'Sequence of the case event that caused it' })
  eventSequence!: number;

  @ApiProperty({ example: 'overdue_notice' })
  topic!: string;

  @ApiProperty({ type: RecipientResponse })
  recipient!: RecipientResponse;

  @ApiProperty({ type: String, nullable: true })
  escalationId!: string | null;

  @ApiProperty({ type: NotificationTextResponse })
  text!: NotificationTextResponse;

  @ApiProperty()
  createdAt!: string;
}

/** State of a notification's delivery on one channel. */
export class DeliveryResponse {
  @ApiProperty({ enum: DELIVERY_CHANNELS })
  channel!: string;

  @ApiProperty({
    description:
      'pending: waiting for its next attempt; delivered; skipped: the channel has no address; dead: dead letter',
    enum: ['pending', 'delivered', 'skipped', 'dead'],
  })
  status!: string;

  @ApiProperty({ description: 'Attempts made so far' })
  attempts!: number;

  @ApiProperty({ description: 'When a pending delivery is next attempted' })
  nextAttemptAt!: string;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty()
  updatedAt!: string;

  @ApiProperty({ type: String, nullable: true })
  deliveredAt!: string | null;
}

/** One row of the delivery log (投递记录). */
export class AttemptResponse {
  @ApiProperty({ enum: DELIVERY_CHANNELS })
  channel!: string;

  @ApiProperty({ description: 'Attempt number on this channel, from 1' })
  attempt!: number;

  @ApiProperty({ enum: ['delivered', 'failed', 'skipped'] })
  outcome!: string;

  @ApiProperty({ type: String, nullable: true })
  error!: string | null;

  @ApiProperty()
  startedAt!: string;

  @ApiProperty()
  finishedAt!: string;

  @ApiProperty({ description: 'Dispatcher that made the attempt (host:pid)' })
  dispatcher!: string;
}

/** A notification with its deliveries and every attempt. */
export class DeliveryLogResponse {
  @ApiProperty({ type: NotificationResponse })
  notification!: NotificationResponse;

  @ApiProperty({ type: [DeliveryResponse] })
  deliveries!: DeliveryResponse[];

  @ApiProperty({ type: [AttemptResponse] })
  attempts!: AttemptResponse[];
}

/** A delivery that failed every attempt (死信). */
export class DeadLetterResponse {
  @ApiProperty({ type: NotificationResponse })
  notification!: NotificationResponse;

  @ApiProperty({ type: DeliveryResponse })
  delivery!: DeliveryResponse;
}

export class DeadLetterListResponse {
  @ApiProperty({ type: [DeadLetterResponse] })
  items!: DeadLetterResponse[];

  @ApiProperty({ description: 'Cursor of the next page, or null on the last page', type: String, nullable: true })
  nextCursor!: string | null;
}

export class RetryResponse {
  @ApiProperty({ description: 'Channels put back in the queue, due now' })
  requeued!: string[];

  @ApiProperty({ type: [DeliveryResponse] })
  deliveries!: DeliveryResponse[];
}

export function toNotificationResponse(notification: OutboxNotification): NotificationResponse {
  return {
    key: notification.key,
    caseNumber: notification.caseNumber,
    eventSequence: notification.sequence,
    topic: notification.topic,
    recipient: { ...notification.recipient },
    escalationId: notification.escalationId,
    text: { zh: notification.text.zh, en: notification.text.en },
    createdAt: notification.createdAt.toISOString(),
  };
}

export function toDeliveryResponse(delivery: DeliveryView): DeliveryResponse {
  return {
    channel: delivery.channel,
    status: delivery.status,
    attempts: delivery.attempts,
    nextAttemptAt: delivery.nextAttemptAt.toISOString(),
    lastError: delivery.lastError,
    updatedAt: delivery.updatedAt.toISOString(),
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
  };
}

export function toAttemptResponse(attempt: AttemptView): AttemptResponse {
  return {
    channel: attempt.channel,
    attempt: attempt.attempt,
    outcome: attempt.outcome,
    error: attempt.error,
    startedAt: attempt.startedAt.toISOString(),
    finishedAt: attempt.finishedAt.toISOString(),
    dispatcher: attempt.dispatcher,
  };
}

export function toDeadLetterResponse(deadLetter: DeadLetter): DeadLetterResponse {
  return {
    notification: toNotificationResponse(deadLetter.notification),
    delivery: toDeliveryResponse(deadLetter.delivery),
  };
}
