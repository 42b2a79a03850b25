import { randomUUID } from 'node:crypto';

import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { createApiApp } from '../../apps/api/src/api.app';
import { loadApiConfig, type ApiConfig } from '../../apps/api/src/api.config';
import { loadWorkerConfig } from '../../apps/worker/src/worker.config';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { TEST_JWT_SECRET } from './tokens';

export interface RunningApps {
  readonly api: INestApplication;
  readonly worker: INestApplicationContext;
  readonly config: ApiConfig;
  close(): Promise<void>;
}

/**
 * Starts the API and the worker in this process against the stack from the global setup, on a task
 * queue of their own so test files do not take each other's workflow tasks.
 */
export async function startApps(overrides: NodeJS.ProcessEnv = {}): Promise<RunningApps> {
  const env = {
    ...process.env,
    ...overrides,
    TEMPORAL_TASK_QUEUE: `test-${randomUUID()}`,
    DATABASE_POOL_SIZE: '4',
    LOG_LEVEL: 'warn',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    ...overrides,
  };
  const worker = await NestFactory.createApplicationContext(WorkerModule.register(loadWorkerConfig(env)), {
    logger: ['error', 'warn'],
  });
  await worker.init();
  const config = loadApiConfig(env);
  const api = await createApiApp(config);
  await api.init();
  return {
    api,
    worker,
    config,
    close: async () => {
      await api.close();
      await worker.close();
    },
  };
}

/** Returns a case number no other test uses. */
export function uniqueCaseNumber(prefix = 'T'): string {
  return `${prefix}-${randomUUID().slice(0, 13)}`;
}
