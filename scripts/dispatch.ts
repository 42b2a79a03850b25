/**
 * `npm run dispatch`: the notification dispatcher on its own, without the Temporal worker. It delivers
 * the outbox of DATABASE_URL to the channels the NOTIFY_* variables configure until SIGINT or SIGTERM,
 * then finishes the attempts in progress and exits. Any number may run beside the workers.
 */
import 'reflect-metadata';

import { Logger } from '@nestjs/common';

import { ConfigurationError, LOG_LEVELS, loadConfiguration } from '@duban/config';
import { createChannels, loadDispatcherSettings, NotificationDispatcher } from '@duban/notifications';
import { createDataSource } from '@duban/persistence';
import { projectRoot } from '@duban/temporal';

const logger = new Logger('dispatch');

async function main(): Promise<void> {
  const config = loadConfiguration(['DATABASE_URL', 'LOG_LEVEL']);
  Logger.overrideLogger(LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.LOG_LEVEL) + 1));
  const settings = loadDispatcherSettings(process.env, projectRoot());
  const channels = createChannels(settings);
  if (channels.length === 0) {
    throw new ConfigurationError([
      'No notification channel is configured: set NOTIFY_WEBHOOK_URL (with NOTIFY_WEBHOOK_SECRET) or NOTIFY_SMTP_URL (with NOTIFY_EMAIL_FROM and NOTIFY_ADDRESS_BOOK).',
    ]);
  }
  const dataSource = createDataSource({
    url: config.DATABASE_URL,
    poolSize: settings.concurrency + 1,
    applicationName: 'duban-dispatch',
  });
  await dataSource.initialize();
  const dispatcher = new NotificationDispatcher(dataSource, { ...settings, channels });
  dispatcher.start();

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received, finishing the attempts in progress`);
    dispatcher
      .stop()
      .then(() => dataSource.destroy())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error(`stopping failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) console.error(error.message);
  else logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
