/** `npm run migrate`: applies pending migrations to DATABASE_URL and exits. */
import 'reflect-metadata';

import { ConfigurationError, loadConfiguration } from '@duban/config';
import { createDataSource, runMigrations } from '@duban/persistence';

async function main(): Promise<void> {
  const config = loadConfiguration(['DATABASE_URL']);
  const dataSource = createDataSource({ url: config.DATABASE_URL, poolSize: 1, applicationName: 'duban-migrate' });
  await dataSource.initialize();
  try {
    const applied = await runMigrations(dataSource);
    console.log(applied.length > 0 ? `applied migrations: ${applied.join(', ')}` : 'schema is up to date');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
