import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { ConfigurationError, loadConfiguration, type Configuration } from '@duban/config';

import { AddressBook, AddressBookError } from './address-book';

/** Environment variables the notification dispatcher reads. */
export const NOTIFICATION_VARIABLES = [
  'NOTIFY_WEBHOOK_URL',
  'NOTIFY_WEBHOOK_SECRET',
  'NOTIFY_SMTP_URL',
  'NOTIFY_EMAIL_FROM',
  'NOTIFY_ADDRESS_BOOK',
  'NOTIFY_EMAIL_LANGUAGE',
  'NOTIFY_MAX_ATTEMPTS',
  'NOTIFY_RETRY_BASE_MS',
  'NOTIFY_RETRY_MAX_MS',
  'NOTIFY_SEND_TIMEOUT_MS',
  'NOTIFY_POLL_INTERVAL_MS',
  'NOTIFY_CONCURRENCY',
] as const;

export type NotificationConfig = Configuration<(typeof NOTIFICATION_VARIABLES)[number]>;

export interface WebhookSettings {
  readonly url: string;
  readonly secret: string;
}

export interface EmailSettings {
  readonly smtpUrl: string;
  readonly from: string;
  readonly addressBook: AddressBook;
  readonly language: 'zh' | 'en';
}

/** Delivery settings of the dispatcher: its channels (none, one or both) and its retry policy. */
export interface DispatcherSettings {
  readonly webhook?: WebhookSettings;
  readonly email?: EmailSettings;
  /** Attempts per notification and channel before the delivery is a dead letter. */
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  readonly sendTimeoutMs: number;
  readonly pollIntervalMs: number;
  readonly concurrency: number;
}

/**
 * Reads the dispatcher's settings and its address book. `baseDir` is where a relative address book
 * path starts. Throws a ConfigurationError listing every problem.
 */
export function loadDispatcherSettings(env: NodeJS.ProcessEnv, baseDir: string): DispatcherSettings {
  const config = loadConfiguration(NOTIFICATION_VARIABLES, env);
  const problems: string[] = [];
  let webhook: WebhookSettings | undefined;
  if (config.NOTIFY_WEBHOOK_URL !== '') {
    if (config.NOTIFY_WEBHOOK_SECRET === '') {
      problems.push('NOTIFY_WEBHOOK_SECRET is missing: the webhook channel signs every request with it.');
    } else {
      webhook = { url: config.NOTIFY_WEBHOOK_URL, secret: config.NOTIFY_WEBHOOK_SECRET };
    }
  } else if (config.NOTIFY_WEBHOOK_SECRET !== '') {
    problems.push('NOTIFY_WEBHOOK_SECRET is set but NOTIFY_WEBHOOK_URL is not; set the URL or remove the secret.');
  }

  let email: EmailSettings | undefined;
  if (config.NOTIFY_SMTP_URL !== '') {
    if (config.NOTIFY_EMAIL_FROM === '') {
      problems.push('NOTIFY_EMAIL_FROM is missing: the email channel needs a From address.');
    }
    const addressBook = readAddressBook(config, baseDir, problems);
    if (addressBook && config.NOTIFY_EMAIL_FROM !== '') {
      email = {
        smtpUrl: config.NOTIFY_SMTP_URL,
        from: config.NOTIFY_EMAIL_FROM,
        addressBook,
        language: config.NOTIFY_EMAIL_LANGUAGE,
      };
    }
  }
  if (config.NOTIFY_RETRY_MAX_MS < config.NOTIFY_RETRY_BASE_MS) {
    problems.push(
      `NOTIFY_RETRY_MAX_MS (${config.NOTIFY_RETRY_MAX_MS}) is less than NOTIFY_RETRY_BASE_MS (${config.NOTIFY_RETRY_BASE_MS}); raise it.`,
    );
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  return {
    ...(webhook ? { webhook } : {}),
    ...(email ? { email } : {}),
    maxAttempts: config.NOTIFY_MAX_ATTEMPTS,
    retryBaseMs: config.NOTIFY_RETRY_BASE_MS,
    retryMaxMs: config.NOTIFY_RETRY_MAX_MS,
    sendTimeoutMs: config.NOTIFY_SEND_TIMEOUT_MS,
    pollIntervalMs: config.NOTIFY_POLL_INTERVAL_MS,
    concurrency: config.NOTIFY_CONCURRENCY,
  };
}

function readAddressBook(config: NotificationConfig, baseDir: string, problems: string[]): AddressBook | undefined {
  if (config.NOTIFY_ADDRESS_BOOK === '') {
    problems.push('NOTIFY_ADDRESS_BOOK is missing: the email channel finds recipients in it.');
    return undefined;
  }
  const path = resolve(baseDir, config.NOTIFY_ADDRESS_BOOK);
  let json: string;
  try {
    json = readFileSync(path, 'utf8');
  } catch (error) {
    problems.push(
      `NOTIFY_ADDRESS_BOOK: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
  try {
    return AddressBook.parse(json);
  } catch (error) {
    if (!(error instanceof AddressBookError)) throw error;
    problems.push(...error.problems.map((problem) => `NOTIFY_ADDRESS_BOOK ${path}: ${problem}`));
    return undefined;
  }
}
