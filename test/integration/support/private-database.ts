import { randomUUID } from 'node:crypto';

import { Client } from 'pg';

import { createDataSource, runMigrations } from '@duban/persistence';

export interface PrivateDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * Creates a database of its own, with the schema built by the migrations, in the PostgreSQL server of
 * the global setup. Suites whose dispatchers take every pending notification use one, so they neither
 * take other suites' notifications nor lose their own to them.
 */
export async function createPrivateDatabase(prefix: string): Promise<PrivateDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL is unset: the Jest global setup did not run');
  const name = `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataSource = createDataSource({ url: url.toString(), poolSize: 1, applicationName: 'duban-test-migrate' });
  await dataSource.initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      try {
        // Closed pools can take a moment to leave the server; FORCE is the last resort because it
        // makes a pool that is still open log the terminated connections.
        for (let attempt = 0; attempt < 20; attempt++) {
          try {
            await client.query(`DROP DATABASE IF EXISTS ${name}`);
            return;
          } catch {
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
