import { createDataSource } from '@duban/persistence';
import type { DataSource } from 'typeorm';

/** Connects to the test database that the global setup migrated. */
export async function connectTestDatabase(): Promise<DataSource> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is unset: the Jest global setup did not run');
  return createDataSource({ url, poolSize: 4, applicationName: 'duban-test' }).initialize();
}
