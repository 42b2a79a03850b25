import type { DataSource, QueryRunner } from 'typeorm';

import type { AttemptOutcome, DeliveryStatus } from '@duban/persistence';

import type { OutboxNotification } from './outbox-notification';

/** A delivery a dispatcher has locked for its next attempt, with the notification it carries. */
export interface ClaimedDelivery {
  readonly notification: OutboxNotification;
  readonly channel: string;
  readonly attempts: number;
  readonly requeuedAtAttempt: number;
}

/** The outcome of an attempt and the delivery state that follows from it. */
export interface AttemptRecord {
  readonly attempt: number;
  readonly outcome: AttemptOutcome;
  readonly error: string | null;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly dispatcher: string;
  readonly status: DeliveryStatus;
  readonly nextAttemptAt: Date;
}

/** A delivery as the admin endpoints show it. */
export interface DeliveryView {
  readonly notificationKey: string;
  readonly channel: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly lastError: string | null;
  readonly updatedAt: Date;
  readonly deliveredAt: Date | null;
}

export interface AttemptView {
  readonly channel: string;
  readonly attempt: number;
  readonly outcome: AttemptOutcome;
  readonly error: string | null;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly dispatcher: string;
}

export interface DeadLetter {
  readonly delivery: DeliveryView;
  readonly notification: OutboxNotification;
}

/** Position in the dead-letter list: the last row of the previous page. */
export interface DeadLetterPosition {
  readonly updatedAt: Date;
  readonly notificationKey: string;
  readonly channel: string;
}

const NOTIFICATION_COLUMNS = `n.key, n.case_number, n.sequence, n.topic, n.recipient_kind, n.recipient_jurisdiction_code,
  n.recipient_role, n.recipient_unit_credit_code, n.escalation_id, n.text_zh, n.text_en, n.created_at`;

const DELIVERY_COLUMNS = `d.notification_key, d.channel, d.status, d.attempts, d.requeued_at_attempt, d.next_attempt_at,
  d.last_error, d.updated_at, d.delivered_at`;

/** SQL over the outbox and the delivery tables, for the dispatcher and the admin endpoints. */
export class DeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Creates a pending delivery on every channel for up to `limit` notifications that no dispatcher has
   * picked up yet, and marks them picked up, in one statement. Rows another dispatcher is doing the
   * same for are skipped. Returns how many notifications it picked up.
   */
  async fanOut(channels: readonly string[], limit: number): Promise<number> {
    // TypeORM's query() returns [rows, count] for an UPDATE statement, so UPDATEs here sit in a CTE.
    const rows: { picked: number }[] = await this.dataSource.query(
      `WITH picked AS (
         SELECT key FROM notifications WHERE dispatched_at IS NULL
         ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED
       ), created AS (
         INSERT INTO notification_deliveries
           (notification_key, channel, status, attempts, requeued_at_attempt, next_attempt_at, created_at, updated_at)
         SELECT picked.key, channel, 'pending', 0, 0, now(), now(), now()
         FROM picked CROSS JOIN unnest($1::text[]) AS channel
         ON CONFLICT DO NOTHING
       ), marked AS (
         UPDATE notifications SET dispatched_at = now() WHERE key IN (SELECT key FROM picked) RETURNING key
       )
       SELECT count(*)::int AS picked FROM marked`,
      [channels, limit],
    );
    return rows[0]?.picked ?? 0;
  }

  /**
   * Locks the pending delivery that is due first, on one of the channels, in the query runner's open
   * transaction. The lock lasts until that transaction ends, so no other dispatcher can send the same
   * attempt; SKIP LOCKED lets them take the next one instead of waiting.
   */
  async claimDue(runner: QueryRunner, channels: readonly string[]): Promise<ClaimedDelivery | undefined> {
    const rows = (await runner.query(
      `SELECT ${DELIVERY_COLUMNS}, ${NOTIFICATION_COLUMNS}
       FROM notification_deliveries d JOIN notifications n ON n.key = d.notification_key
       WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND d.channel = ANY($1::text[])
       ORDER BY d.next_attempt_at
       LIMIT 1
       FOR UPDATE OF d SKIP LOCKED`,
      [channels],
    )) as Record<string, unknown>[];
    const row = rows[0];
    if (!row) return undefined;
    return {
      notification: toNotification(row),
      channel: String(row['channel']),
      attempts: Number(row['attempts']),
      requeuedAtAttempt: Number(row['requeued_at_attempt']),
    };
  }

  /** Writes the attempt to the delivery log and the delivery's new state, in the runner's transaction. */
  async recordAttempt(runner: QueryRunner, claimed: ClaimedDelivery, record: AttemptRecord): Promise<void> {
    const key = claimed.notification.key;
    await runner.query(
      `INSERT INTO notification_delivery_attempts
         (notification_key, channel, attempt, outcome, error, started_at, finished_at, dispatcher)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        key,
        claimed.channel,
        record.attempt,
        record.outcome,
        record.error,
        record.startedAt,
        record.finishedAt,
        record.dispatcher,
      ],
    );
    await runner.query(
      `UPDATE notification_deliveries
       SET status = $3::text, attempts = $4, next_attempt_at = $5, last_error = $6, updated_at = $7,
           delivered_at = CASE WHEN $3::text = 'delivered' THEN $7 ELSE delivered_at END
       WHERE notification_key = $1 AND channel = $2`,
      [key, claimed.channel, record.status, record.attempt, record.nextAttemptAt, record.error, record.finishedAt],
    );
  }

  async findNotification(key: string): Promise<OutboxNotification | undefined> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${NOTIFICATION_COLUMNS} FROM notifications n WHERE n.key = $1`,
      [key],
    );
    return rows[0] ? toNotification(rows[0]) : undefined;
  }

  /** Jurisdiction code of the case a notification belongs to, or undefined when the key is unknown. */
  async caseJurisdictionOf(key: string): Promise<string | undefined> {
    const rows: { jurisdiction_code: string }[] = await this.dataSource.query(
      `SELECT c.jurisdiction_code FROM notifications n JOIN hazard_cases c ON c.case_number = n.case_number
       WHERE n.key = $1`,
      [key],
    );
    return rows[0]?.jurisdiction_code;
  }

  async deliveriesOf(key: string): Promise<DeliveryView[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS} FROM notification_deliveries d WHERE d.notification_key = $1 ORDER BY d.channel`,
      [key],
    );
    return rows.map(toDelivery);
  }

  async attemptsOf(key: string): Promise<AttemptView[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT channel, attempt, outcome, error, started_at, finished_at, dispatcher
       FROM notification_delivery_attempts WHERE notification_key = $1 ORDER BY channel, attempt`,
      [key],
    );
    return rows.map((row) => ({
      channel: String(row['channel']),
      attempt: Number(row['attempt']),
      outcome: row['outcome'] as AttemptOutcome,
      error: (row['error'] as string | null) ?? null,
      startedAt: row['started_at'] as Date,
      finishedAt: row['finished_at'] as Date,
      dispatcher: String(row['dispatcher']),
    }));
  }

  /**
   * Lists dead letters of cases whose jurisdiction code starts with `jurisdictionPrefix`, most recently
   * failed first, by keyset pagination. Returns up to `limit` rows and the position after the last.
   */
  async listDeadLetters(
    jurisdictionPrefix: string,
    limit: number,
    after?: DeadLetterPosition,
  ): Promise<{ items: DeadLetter[]; next?: DeadLetterPosition }> {
    const parameters: unknown[] = [`${jurisdictionPrefix}%`, limit + 1];
    let afterClause = '';
    if (after) {
      parameters.push(after.updatedAt, after.notificationKey, after.channel);
      afterClause = 'AND (d.updated_at, d.notification_key, d.channel) < ($3, $4, $5)';
    }
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS}, ${NOTIFICATION_COLUMNS}
       FROM notification_deliveries d
         JOIN notifications n ON n.key = d.notification_key
         JOIN hazard_cases c ON c.case_number = n.case_number
       WHERE d.status = 'dead' AND c.jurisdiction_code LIKE $1 ${afterClause}
       ORDER BY d.updated_at DESC, d.notification_key DESC, d.channel DESC
       LIMIT $2`,
      parameters,
    );
    const items = rows.slice(0, limit).map((row) => ({ delivery: toDelivery(row), notification: toNotification(row) }));
    const last = items[items.length - 1];
    if (rows.length <= limit || !last) return { items };
    return {
      items,
      next: {
        updatedAt: last.delivery.updatedAt,
        notificationKey: last.delivery.notificationKey,
        channel: last.delivery.channel,
      },
    };
  }

  /**
   * Puts the notification's dead deliveries (on one channel, or on all) back in the queue, due now,
   * with a fresh allowance of attempts. Returns the channels re-queued.
   */
  async requeueDead(key: string, channel?: string): Promise<string[]> {
    const rows: { channel: string }[] = await this.dataSource.query(
      `WITH requeued AS (
         UPDATE notification_deliveries
         SET status = 'pending', requeued_at_attempt = attempts, next_attempt_at = now(), updated_at = now()
         WHERE notification_key = $1 AND status = 'dead' AND ($2::text IS NULL OR channel = $2)
         RETURNING channel
       )
       SELECT channel FROM requeued`,
      [key, channel ?? null],
    );
    return rows.map((row) => row.channel).sort();
  }
}

function toNotification(row: Record<string, unknown>): OutboxNotification {
  return {
    key: String(row['key']),
    caseNumber: String(row['case_number']),
    sequence: Number(row['sequence']),
    topic: String(row['topic']),
    recipient: {
      kind: row['recipient_kind'] === 'unit' ? 'unit' : 'role',
      jurisdictionCode: String(row['recipient_jurisdiction_code']),
      role: (row['recipient_role'] as string | null) ?? null,
      unitCreditCode: (row['recipient_unit_credit_code'] as string | null) ?? null,
    },
    escalationId: (row['escalation_id'] as string | null) ?? null,
    text: { zh: String(row['text_zh']), en: String(row['text_en']) },
    createdAt: row['created_at'] as Date,
  };
}

function toDelivery(row: Record<string, unknown>): DeliveryView {
  return {
    notificationKey: String(row['notification_key']),
    channel: String(row['channel']),
    status: row['status'] as DeliveryStatus,
    attempts: Number(row['attempts']),
    nextAttemptAt: row['next_attempt_at'] as Date,
    lastError: (row['last_error'] as string | null) ?? null,
    updatedAt: row['updated_at'] as Date,
    deliveredAt: (row['delivered_at'] as Date | null) ?? null,
  };
}
