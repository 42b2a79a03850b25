import { loadConfiguration, type Configuration } from '@duban/config';

export const WORKER_VARIABLES = [
  'DATABASE_URL',
  'DATABASE_POOL_SIZE',
  'DATABASE_CONNECT_TIMEOUT_MS',
  'DATABASE_STATEMENT_TIMEOUT_MS',
  'TEMPORAL_ADDRESS',
  'TEMPORAL_NAMESPACE',
  'TEMPORAL_TASK_QUEUE',
  'LOG_LEVEL',
  'WORKER_HEALTH_FILE',
  'WORKER_MAX_CACHED_WORKFLOWS',
  'AUDIT_HASH_ALGORITHM',
] as const;

export type WorkerConfig = Configuration<(typeof WORKER_VARIABLES)[number]>;

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return loadConfiguration(WORKER_VARIABLES, env);
}
