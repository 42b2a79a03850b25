import 'reflect-metadata';

import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { ConfigurationError, LOG_LEVELS } from '@duban/config';

import { loadWorkerConfig } from './worker.config';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadWorkerConfig();
  const levels = LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.LOG_LEVEL) + 1);
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), { logger: [...levels] });
  app.enableShutdownHooks();
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    console.error(error.message);
  } else {
    new Logger('worker').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  process.exit(1);
});
