import { types } from 'pg';
import { DataSource } from 'typeorm';

import { MIGRATIONS } from '@duban/migrations';
import { ENTITIES } from './entities';

const PG_DATE_OID = 1082;

// A DATE column is a calendar date, so it stays a 'YYYY-MM-DD' string instead of becoming a Date at
// local midnight.
types.setTypeParser(PG_DATE_OID, (value: string) => value);

export interface DatabaseOptions {
  readonly url: string;
  readonly poolSize?: number;
  readonly applicationName?: string;
  /** Milliseconds to wait for a connection, new or from the pool; unset waits forever. */
  readonly connectTimeoutMs?: number;
  /**
   * Milliseconds a statement may run on the server (statement_timeout). The client waits one second longer
   * for a response (query_timeout), which ends the wait on a frozen server. Unset: no limit, as migrations need.
   */
  readonly statementTimeoutMs?: number;
  /** Hash of new audit rows; rows keep the algorithm they were written with. */
  readonly auditHashAlgorithm?: 'sha256' | 'sm3';
}

/** Creates (without connecting) the TypeORM data source of Duban's schema. */
export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'warn', 'migration'],
    applicationName: options.applicationName ?? 'duban',
    extra: {
      max: options.poolSize ?? 10,
      ...(options.connectTimeoutMs ? { connectionTimeoutMillis: options.connectTimeoutMs } : {}),
      ...(options.statementTimeoutMs
        ? { statement_timeout: options.statementTimeoutMs, query_timeout: options.statementTimeoutMs + 1000 }
        : {}),
    },
  });
}

/** Applies every pending migration and returns the names of those it ran. */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}
