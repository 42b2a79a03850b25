import 'reflect-metadata';

import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DefaultLogger, Runtime, type LogLevel as TemporalLogLevel } from '@temporalio/worker';

import { ConfigurationError, LOG_LEVELS, type LogLevel } from '@duban/config';

import { loadWorkerConfig } from './worker.config';
import { WorkerModule } from './worker.module';

const TEMPORAL_LOG_LEVELS: Record<LogLevel, TemporalLogLevel> = {
  error: 'ERROR',
  warn: 'WARN',
  log: 'INFO',
  debug: 'DEBUG',
  verbose: 'TRACE',
};

async function bootstrap(): Promise<void> {
  const config = loadWorkerConfig();
  Runtime.install({ logger: new DefaultLogger(TEMPORAL_LOG_LEVELS[config.LOG_LEVEL]) });
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
