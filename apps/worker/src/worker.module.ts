import { Module, type DynamicModule } from '@nestjs/common';

import { PersistenceModule } from '@duban/persistence';

import { CaseWorkerService } from './case-worker.service';
import { NotificationDispatcherModule } from './notifications/notification-dispatcher.module';
import { WORKER_CONFIG } from './tokens';
import type { WorkerConfig } from './worker.config';

/** The worker process: a Nest application context without HTTP that runs the Temporal worker. */
@Module({})
export class WorkerModule {
  static register(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PersistenceModule.register({
          url: config.DATABASE_URL,
          poolSize: config.DATABASE_POOL_SIZE,
          connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
          statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
          applicationName: 'duban-worker',
          auditHashAlgorithm: config.AUDIT_HASH_ALGORITHM,
        }),
        NotificationDispatcherModule.register(),
      ],
      providers: [{ provide: WORKER_CONFIG, useValue: config }, CaseWorkerService],
    };
  }
}
