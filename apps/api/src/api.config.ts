import { ConfigurationError, loadConfiguration, type Configuration } from '@duban/config';

export const API_VARIABLES = [
  'PORT',
  'HOST',
  'DATABASE_URL',
  'DATABASE_POOL_SIZE',
  'DATABASE_CONNECT_TIMEOUT_MS',
  'DATABASE_STATEMENT_TIMEOUT_MS',
  'TEMPORAL_ADDRESS',
  'TEMPORAL_NAMESPACE',
  'TEMPORAL_TASK_QUEUE',
  'LOG_LEVEL',
  'AUTH_JWT_SECRET',
  'AUTH_JWKS_URL',
  'AUTH_ISSUER',
  'AUTH_AUDIENCE',
] as const;

export type ApiConfig = Configuration<(typeof API_VARIABLES)[number]>;

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const config = loadConfiguration(API_VARIABLES, env);
  if (config.AUTH_JWT_SECRET === '' && config.AUTH_JWKS_URL === '') {
    throw new ConfigurationError([
      'AUTH_JWT_SECRET or AUTH_JWKS_URL is missing: the API verifies bearer tokens with one of them. Set AUTH_JWT_SECRET to a random string of at least 32 characters, or AUTH_JWKS_URL to your identity provider.',
    ]);
  }
  return config;
}

export const API_CONFIG = Symbol('API_CONFIG');
export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');
