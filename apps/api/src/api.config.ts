import { loadConfiguration, type Configuration } from '@duban/config';

export const API_VARIABLES = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'DATABASE_POOL_SIZE',
  'TEMPORAL_ADDRESS',
  'TEMPORAL_NAMESPACE',
  'TEMPORAL_TASK_QUEUE',
  'LOG_LEVEL',
] as const;

export type ApiConfig = Configuration<(typeof API_VARIABLES)[number]>;

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  return loadConfiguration(API_VARIABLES, env);
}

export const API_CONFIG = Symbol('API_CONFIG');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
