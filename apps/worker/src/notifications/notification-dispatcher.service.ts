import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { createChannels, NotificationDispatcher, type DispatcherSettings } from '@duban/notifications';

export const DISPATCHER_SETTINGS = Symbol('DISPATCHER_SETTINGS');

/**
 * Runs the notification dispatcher inside the worker process while the application context lives.
 * With no channel configured it stays off, and notifications wait in the outbox until a dispatcher
 * with a channel runs.
 */
@Injectable()
export class NotificationDispatcherService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationDispatcherService.name);
  private dispatcher?: NotificationDispatcher;

  constructor(
    @Inject(DISPATCHER_SETTINGS) private readonly settings: DispatcherSettings,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    const channels = createChannels(this.settings);
    if (channels.length === 0) {
      this.logger.log('notification dispatcher is off: set NOTIFY_WEBHOOK_URL or NOTIFY_SMTP_URL to turn it on');
      return;
    }
    this.dispatcher = new NotificationDispatcher(this.dataSource, { ...this.settings, channels });
    this.dispatcher.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.dispatcher?.stop();
  }
}
