import { Module, type DynamicModule } from '@nestjs/common';

import { loadDispatcherSettings } from '@duban/notifications';
import { projectRoot } from '@duban/temporal';

import { DISPATCHER_SETTINGS, NotificationDispatcherService } from './notification-dispatcher.service';

/**
 * The notification dispatcher of the worker process. Its settings come from the NOTIFY_* variables;
 * an invalid one stops the worker at start-up.
 */
@Module({})
export class NotificationDispatcherModule {
  static register(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return {
      module: NotificationDispatcherModule,
      providers: [
        { provide: DISPATCHER_SETTINGS, useValue: loadDispatcherSettings(env, projectRoot()) },
        NotificationDispatcherService,
      ],
    };
  }
}
