import type { OutboxNotification } from '../outbox-notification';

/** Result of one send: the receiver accepted the notification, or the channel has no address for its recipient. */
export type SendResult = { readonly outcome: 'delivered' } | { readonly outcome: 'skipped'; readonly reason: string };

/**
 * A way to deliver notifications. `send` resolves once the receiver has accepted the notification and
 * throws when the attempt failed; the dispatcher retries failures with backoff.
 */
export interface NotificationChannel {
  /** Name in the delivery tables, such as `webhook` or `email`. */
  readonly name: string;
  send(notification: OutboxNotification, attempt: number, signal: AbortSignal): Promise<SendResult>;
  close?(): Promise<void>;
}

/** A failed attempt, with a message that goes into the delivery log as it is. */
export class DeliveryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DeliveryError';
  }
}
