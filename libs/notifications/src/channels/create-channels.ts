import type { DispatcherSettings } from '../notification-settings';
import type { NotificationChannel } from './channel';
import { EmailChannel } from './email.channel';
import { WebhookChannel } from './webhook.channel';

/** Builds the channels the settings configure: none, the webhook, email, or both. */
export function createChannels(settings: DispatcherSettings): NotificationChannel[] {
  const channels: NotificationChannel[] = [];
  if (settings.webhook) channels.push(new WebhookChannel(settings.webhook));
  if (settings.email) channels.push(new EmailChannel({ ...settings.email, timeoutMs: settings.sendTimeoutMs }));
  return channels;
}
