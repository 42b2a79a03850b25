import 'reflect-metadata';

import { Logger } from '@nestjs/common';

import { ConfigurationError, LOG_LEVELS } from '@duban/config';

import { createApiApp } from './api.app';
import { loadApiConfig } from './api.config';

async function bootstrap(): Promise<void> {
  const config = loadApiConfig();
  const levels = LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.LOG_LEVEL) + 1);
  const app = await createApiApp(config, [...levels]);
  await app.listen(config.PORT, config.HOST);
  new Logger('api').log(`listening on http://${config.HOST}:${config.PORT} (OpenAPI at /docs)`);
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    console.error(error.message);
  } else {
    new Logger('api').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  process.exit(1);
});
