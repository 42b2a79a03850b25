import { signWebhook, WEBHOOK_HEADERS } from '../signature';
import type { OutboxNotification } from '../outbox-notification';
import { DeliveryError, type NotificationChannel, type SendResult } from './channel';

export interface WebhookOptions {
  readonly url: string;
  readonly secret: string;
}

/** Characters of a failed response's body kept in the delivery log. */
const ERROR_BODY_LIMIT = 200;

/**
 * POSTs each notification as JSON, signed with HMAC-SHA256 (see signWebhook), with its stable key in
 * the Duban-Notification-Key header. Any 2xx response is a delivery; anything else, redirects
 * included, is a failed attempt.
 */
export class WebhookChannel implements NotificationChannel {
  readonly name = 'webhook';

  constructor(private readonly options: WebhookOptions) {}

  async send(notification: OutboxNotification, attempt: number, signal: AbortSignal): Promise<SendResult> {
    const body = JSON.stringify(webhookPayload(notification));
    const timestamp = Math.floor(Date.now() / 1000);
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          [WEBHOOK_HEADERS.key]: notification.key,
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.signature]: signWebhook(this.options.secret, timestamp, body),
          [WEBHOOK_HEADERS.attempt]: String(attempt),
        },
        body,
        redirect: 'manual',
        signal,
      });
    } catch (error) {
      throw new DeliveryError(`POST ${this.options.url} failed: ${describeFetchError(error)}`, { cause: error });
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      const excerpt = text.trim().slice(0, ERROR_BODY_LIMIT);
      throw new DeliveryError(
        `POST ${this.options.url} returned HTTP ${response.status}${excerpt ? `: ${excerpt}` : ''}`,
      );
    }
    return { outcome: 'delivered' };
  }
}

/** The JSON body of a webhook request. */
export interface WebhookPayload {
  readonly key: string;
  readonly caseNumber: string;
  readonly eventSequence: number;
  readonly topic: string;
  readonly recipient: {
    readonly kind: 'unit' | 'role';
    readonly jurisdictionCode: string;
    readonly role: string | null;
    readonly unitCreditCode: string | null;
  };
  readonly escalationId: string | null;
  readonly text: { readonly zh: string; readonly en: string };
  readonly createdAt: string;
}

export function webhookPayload(notification: OutboxNotification): WebhookPayload {
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

function describeFetchError(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return 'timed out or aborted';
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === 'string')
    return `${cause.code}${typeof cause.message === 'string' ? ` (${cause.message})` : ''}`;
  return error instanceof Error ? error.message : String(error);
}
