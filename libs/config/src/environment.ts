/**
 * Every environment variable Duban reads, with its default and its check. Each process reads the
 * subset it needs, and start-up fails with one line per missing or invalid value.
 */
export interface VariableSpec<T> {
  readonly name: string;
  readonly description: string;
  /** The value used when the variable is unset; undefined makes the variable required. */
  readonly defaultValue?: T;
  readonly parse: (raw: string) => T;
}

export class InvalidValueError extends Error {}

export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

function integer(min: number, max: number): (raw: string) => number {
  return (raw) => {
    if (!/^\d+$/.test(raw.trim())) throw new InvalidValueError(`must be a whole number from ${min} to ${max}`);
    const value = Number(raw);
    if (value < min || value > max) throw new InvalidValueError(`must be a whole number from ${min} to ${max}`);
    return value;
  };
}

function oneOf<T extends string>(values: readonly T[]): (raw: string) => T {
  return (raw) => {
    if (!(values as readonly string[]).includes(raw))
      throw new InvalidValueError(`must be one of ${values.join(', ')}`);
    return raw as T;
  };
}

function nonEmpty(raw: string): string {
  if (raw.trim() === '') throw new InvalidValueError('must not be empty');
  return raw;
}

function postgresUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidValueError('must be a URL such as postgres://user:password@host:5432/duban');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new InvalidValueError('must start with postgres:// or postgresql://');
  }
  if (url.pathname.length <= 1) throw new InvalidValueError('must name a database, as in postgres://host:5432/duban');
  return raw;
}

function hostPort(raw: string): string {
  if (!/^[A-Za-z0-9.\-[\]:]+:\d{1,5}$/.test(raw))
    throw new InvalidValueError('must be host:port, for example localhost:7233');
  return raw;
}

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const VARIABLES = {
  PORT: { name: 'PORT', description: 'Port the HTTP API listens on.', defaultValue: 3000, parse: integer(1, 65535) },
  HOST: {
    name: 'HOST',
    description: 'Address the HTTP API binds to; 0.0.0.0 in containers.',
    defaultValue: '127.0.0.1',
    parse: nonEmpty,
  },
  DATABASE_URL: {
    name: 'DATABASE_URL',
    description: 'PostgreSQL connection URL. `npm start` starts an embedded PostgreSQL when it is unset.',
    parse: postgresUrl,
  },
  DATABASE_POOL_SIZE: {
    name: 'DATABASE_POOL_SIZE',
    description: 'Maximum PostgreSQL connections per process.',
    defaultValue: 10,
    parse: integer(1, 200),
  },
  DATABASE_CONNECT_TIMEOUT_MS: {
    name: 'DATABASE_CONNECT_TIMEOUT_MS',
    description:
      'Milliseconds to wait for a PostgreSQL connection (a new one or a free one from the pool); past that the API answers 503.',
    defaultValue: 5000,
    parse: integer(100, 600000),
  },
  DATABASE_STATEMENT_TIMEOUT_MS: {
    name: 'DATABASE_STATEMENT_TIMEOUT_MS',
    description:
      'Milliseconds one SQL statement may run (PostgreSQL statement_timeout) or wait for an answer from an unresponsive server; past that the API answers 503.',
    defaultValue: 15000,
    parse: integer(100, 3600000),
  },
  TEMPORAL_ADDRESS: {
    name: 'TEMPORAL_ADDRESS',
    description: 'Temporal frontend host:port. `npm start` starts a Temporal dev server when it is unset.',
    parse: hostPort,
  },
  TEMPORAL_NAMESPACE: {
    name: 'TEMPORAL_NAMESPACE',
    description: 'Temporal namespace of the case workflows.',
    defaultValue: 'default',
    parse: nonEmpty,
  },
  TEMPORAL_TASK_QUEUE: {
    name: 'TEMPORAL_TASK_QUEUE',
    description: 'Task queue the worker polls and the API starts case workflows on.',
    defaultValue: 'duban-cases',
    parse: nonEmpty,
  },
  DUBAN_DATA_DIR: {
    name: 'DUBAN_DATA_DIR',
    description:
      'Folder of the embedded PostgreSQL cluster, the Temporal dev server database, the local token secret and locally stored evidence.',
    defaultValue: 'data',
    parse: nonEmpty,
  },
  EMBEDDED_POSTGRES_PORT: {
    name: 'EMBEDDED_POSTGRES_PORT',
    description: 'Port of the embedded PostgreSQL that `npm start` runs.',
    defaultValue: 54329,
    parse: integer(1, 65535),
  },
  TEMPORAL_DEV_PORT: {
    name: 'TEMPORAL_DEV_PORT',
    description: 'Frontend port of the Temporal dev server that `npm start` runs.',
    defaultValue: 7233,
    parse: integer(1, 65535),
  },
  TEMPORAL_UI_PORT: {
    name: 'TEMPORAL_UI_PORT',
    description: 'Web UI port of the Temporal dev server that `npm start` runs.',
    defaultValue: 8233,
    parse: integer(1, 65535),
  },
  TEMPORAL_CLI_PATH: {
    name: 'TEMPORAL_CLI_PATH',
    description: 'Path of the Temporal CLI binary; found on PATH or in .tools/temporal/bin when unset.',
    defaultValue: '',
    parse: (raw: string) => raw,
  },
  TEMPORAL_TEST_SERVER_PATH: {
    name: 'TEMPORAL_TEST_SERVER_PATH',
    description: 'Path of the Temporal time-skipping test server binary, used by the tests.',
    defaultValue: '',
    parse: (raw: string) => raw,
  },
  FAULT_CASES: {
    name: 'FAULT_CASES',
    description: 'Cases the fault suite under test/faults drives; `npm run test:faults` sets 200.',
    defaultValue: 30,
    parse: integer(3, 10000),
  },
  FAULT_SEED: {
    name: 'FAULT_SEED',
    description: "Seed of the fault suite's random order of cases and faults; unset: a new seed, printed by the suite.",
    defaultValue: '',
    parse: (raw: string) => {
      if (!/^\d{1,10}$/.test(raw)) throw new InvalidValueError('must be a whole number such as 12345');
      return raw;
    },
  },
  AUDIT_HASH_ALGORITHM: {
    name: 'AUDIT_HASH_ALGORITHM',
    description: 'Hash of new audit rows: sha256, or sm3 (GB/T 32905) where required; existing rows keep theirs.',
    defaultValue: 'sha256',
    parse: oneOf(['sha256', 'sm3'] as const),
  },
  WORKER_MAX_CACHED_WORKFLOWS: {
    name: 'WORKER_MAX_CACHED_WORKFLOWS',
    description:
      'Open cases a worker keeps in memory; others are replayed from history when they wake. Bounds worker memory.',
    defaultValue: 2000,
    parse: integer(1, 100000),
  },
  WORKER_HEALTH_FILE: {
    name: 'WORKER_HEALTH_FILE',
    description:
      'File the worker touches every 15 s while it polls; a container health check reads its age. Unset: no file.',
    defaultValue: '',
    parse: (raw: string) => raw,
  },
  AUTH_JWT_SECRET: {
    name: 'AUTH_JWT_SECRET',
    description:
      'Secret of HS256 bearer tokens (at least 32 characters). `npm start` creates one in the data folder when neither this nor AUTH_JWKS_URL is set.',
    defaultValue: '',
    parse: (raw: string) => {
      if (raw.length < 32) throw new InvalidValueError('must be at least 32 characters long');
      return raw;
    },
  },
  AUTH_JWKS_URL: {
    name: 'AUTH_JWKS_URL',
    description: 'JWKS URL of an identity provider whose RS256/ES256 tokens the API accepts instead of HS256 tokens.',
    defaultValue: '',
    parse: (raw: string) => {
      if (!/^https?:\/\/\S+$/.test(raw)) throw new InvalidValueError('must be an http or https URL');
      return raw;
    },
  },
  AUTH_ISSUER: {
    name: 'AUTH_ISSUER',
    description: 'Expected `iss` claim of bearer tokens; unchecked when unset.',
    defaultValue: '',
    parse: (raw: string) => raw,
  },
  AUTH_AUDIENCE: {
    name: 'AUTH_AUDIENCE',
    description: 'Expected `aud` claim of bearer tokens; unchecked when unset.',
    defaultValue: '',
    parse: (raw: string) => raw,
  },
  LOG_LEVEL: {
    name: 'LOG_LEVEL',
    description: `Lowest log level printed: ${LOG_LEVELS.join(', ')}.`,
    defaultValue: 'log',
    parse: oneOf(LOG_LEVELS),
  },
  NOTIFY_WEBHOOK_URL: {
    name: 'NOTIFY_WEBHOOK_URL',
    description:
      'URL the notification dispatcher POSTs every notification to as signed JSON (an SMS gateway sits behind such a webhook). Unset: no webhook channel.',
    defaultValue: '',
    parse: httpUrl,
  },
  NOTIFY_WEBHOOK_SECRET: {
    name: 'NOTIFY_WEBHOOK_SECRET',
    description: 'HMAC-SHA256 key of the webhook signature (at least 32 characters); required with NOTIFY_WEBHOOK_URL.',
    defaultValue: '',
    parse: (raw: string) => {
      if (raw.length < 32) throw new InvalidValueError('must be at least 32 characters long');
      return raw;
    },
  },
  NOTIFY_SMTP_URL: {
    name: 'NOTIFY_SMTP_URL',
    description:
      'SMTP server the notification emails go through, as smtp://user:password@host:587 or smtps://host:465. Unset: no email channel.',
    defaultValue: '',
    parse: smtpUrl,
  },
  NOTIFY_EMAIL_FROM: {
    name: 'NOTIFY_EMAIL_FROM',
    description:
      'From address of notification emails, such as "督办系统 <duban@example.gov.cn>"; required with NOTIFY_SMTP_URL.',
    defaultValue: '',
    parse: emailAddress,
  },
  NOTIFY_ADDRESS_BOOK: {
    name: 'NOTIFY_ADDRESS_BOOK',
    description:
      'JSON file mapping recipients (role and jurisdiction, or unit credit code) to email addresses; relative to the project folder. Required with NOTIFY_SMTP_URL.',
    defaultValue: '',
    parse: nonEmpty,
  },
  NOTIFY_EMAIL_LANGUAGE: {
    name: 'NOTIFY_EMAIL_LANGUAGE',
    description: 'Language of notification emails: zh (Simplified Chinese) or en.',
    defaultValue: 'zh',
    parse: oneOf(['zh', 'en'] as const),
  },
  NOTIFY_MAX_ATTEMPTS: {
    name: 'NOTIFY_MAX_ATTEMPTS',
    description: 'Attempts per notification and channel before the delivery becomes a dead letter.',
    defaultValue: 8,
    parse: integer(1, 100),
  },
  NOTIFY_RETRY_BASE_MS: {
    name: 'NOTIFY_RETRY_BASE_MS',
    description:
      'Delay in milliseconds before the first retry of a failed delivery; each later retry waits twice as long.',
    defaultValue: 30_000,
    parse: integer(10, 86_400_000),
  },
  NOTIFY_RETRY_MAX_MS: {
    name: 'NOTIFY_RETRY_MAX_MS',
    description: 'Maximum delay in milliseconds between two attempts of one delivery.',
    defaultValue: 3_600_000,
    parse: integer(10, 86_400_000),
  },
  NOTIFY_SEND_TIMEOUT_MS: {
    name: 'NOTIFY_SEND_TIMEOUT_MS',
    description: 'Time in milliseconds one webhook request or one email may take before the attempt counts as failed.',
    defaultValue: 10_000,
    parse: integer(100, 600_000),
  },
  NOTIFY_POLL_INTERVAL_MS: {
    name: 'NOTIFY_POLL_INTERVAL_MS',
    description: 'How often in milliseconds an idle dispatcher looks for new or due deliveries.',
    defaultValue: 1_000,
    parse: integer(10, 3_600_000),
  },
  NOTIFY_CONCURRENCY: {
    name: 'NOTIFY_CONCURRENCY',
    description:
      'Deliveries one dispatcher process sends at the same time. Each uses one database connection while it sends.',
    defaultValue: 4,
    parse: integer(1, 64),
  },
  EVIDENCE_STORAGE: {
    name: 'EVIDENCE_STORAGE',
    description:
      'Where evidence files are kept: local (under DUBAN_DATA_DIR/evidence) or s3 (an S3-compatible object store).',
    defaultValue: 'local',
    parse: oneOf(['local', 's3'] as const),
  },
  EVIDENCE_MAX_BYTES: {
    name: 'EVIDENCE_MAX_BYTES',
    description: 'Largest evidence file in bytes the API accepts; a larger upload gets 413 and nothing is stored.',
    defaultValue: 26_214_400,
    parse: integer(1, 5_368_709_120),
  },
  EVIDENCE_S3_BUCKET: {
    name: 'EVIDENCE_S3_BUCKET',
    description: 'Bucket of the evidence files; required when EVIDENCE_STORAGE is s3.',
    defaultValue: '',
    parse: nonEmpty,
  },
  EVIDENCE_S3_REGION: {
    name: 'EVIDENCE_S3_REGION',
    description: 'Region of the evidence bucket.',
    defaultValue: 'us-east-1',
    parse: nonEmpty,
  },
  EVIDENCE_S3_ENDPOINT: {
    name: 'EVIDENCE_S3_ENDPOINT',
    description: 'Endpoint URL of an S3-compatible store; unset for Amazon S3 itself.',
    defaultValue: '',
    parse: httpUrl,
  },
  EVIDENCE_S3_PATH_STYLE: {
    name: 'EVIDENCE_S3_PATH_STYLE',
    description:
      'true addresses the bucket in the URL path (http://host/bucket/key), as most S3-compatible stores need.',
    defaultValue: false,
    parse: booleanFlag,
  },
  EVIDENCE_S3_ACCESS_KEY_ID: {
    name: 'EVIDENCE_S3_ACCESS_KEY_ID',
    description: "Access key id of the evidence store; unset: the AWS SDK's default credential chain.",
    defaultValue: '',
    parse: nonEmpty,
  },
  EVIDENCE_S3_SECRET_KEY: {
    name: 'EVIDENCE_S3_SECRET_KEY',
    description: 'Secret access key that goes with EVIDENCE_S3_ACCESS_KEY_ID.',
    defaultValue: '',
    parse: nonEmpty,
  },
} as const satisfies Record<string, VariableSpec<unknown>>;

export type VariableName = keyof typeof VARIABLES;
type ValueOf<N extends VariableName> = ReturnType<(typeof VARIABLES)[N]['parse']>;
export type Configuration<N extends VariableName> = { readonly [K in N]: ValueOf<K> };

/**
 * Reads and checks the named variables. Throws a ConfigurationError listing every problem at once,
 * so an operator fixes them in one pass.
 */
export function loadConfiguration<N extends VariableName>(
  names: readonly N[],
  env: NodeJS.ProcessEnv = process.env,
): Configuration<N> {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const name of names) {
    const spec: VariableSpec<unknown> = VARIABLES[name];
    const raw = env[name];
    if (raw === undefined || raw === '') {
      if (spec.defaultValue === undefined) {
        problems.push(`${name} is missing: ${spec.description}`);
      } else {
        values[name] = spec.defaultValue;
      }
      continue;
    }
    try {
      values[name] = spec.parse(raw);
    } catch (error) {
      if (!(error instanceof InvalidValueError)) throw error;
      problems.push(`${name}=${JSON.stringify(raw)} is invalid: it ${error.message}`);
    }
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  return values as Configuration<N>;
}

function httpUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidValueError('must be an http or https URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InvalidValueError('must be an http or https URL');
  return raw;
}

function smtpUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidValueError('must be a URL such as smtp://user:password@mail.example.com:587');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new InvalidValueError('must start with smtp:// or smtps://');
  }
  return raw;
}

/** Checks an email address, alone or with a display name: `duban@example.gov.cn` or `督办系统 <duban@example.gov.cn>`. */
function emailAddress(raw: string): string {
  if (!/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(raw.trim())) {
    throw new InvalidValueError('must be an email address, optionally with a name: 督办系统 <duban@example.gov.cn>');
  }
  return raw.trim();
}

function booleanFlag(raw: string): boolean {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new InvalidValueError('must be true or false');
}
