import { resolve } from 'node:path';

import { ConfigurationError, loadConfiguration } from '@duban/config';

import type { EvidenceStore } from './evidence-store';
import { LocalEvidenceStore } from './local-evidence-store';
import { S3EvidenceStore, type S3StoreOptions } from './s3-evidence-store';

/** Environment variables of evidence storage. */
export const EVIDENCE_VARIABLES = [
  'DUBAN_DATA_DIR',
  'EVIDENCE_STORAGE',
  'EVIDENCE_MAX_BYTES',
  'EVIDENCE_S3_BUCKET',
  'EVIDENCE_S3_REGION',
  'EVIDENCE_S3_ENDPOINT',
  'EVIDENCE_S3_PATH_STYLE',
  'EVIDENCE_S3_ACCESS_KEY_ID',
  'EVIDENCE_S3_SECRET_KEY',
] as const;

export interface EvidenceSettings {
  readonly maxBytes: number;
  readonly store: { readonly kind: 'local'; readonly directory: string } | ({ readonly kind: 's3' } & S3StoreOptions);
}

/**
 * Reads the evidence settings. A relative DUBAN_DATA_DIR starts at `baseDir` (the project folder);
 * local evidence goes to its `evidence` subfolder. Throws a ConfigurationError listing every problem.
 */
export function loadEvidenceSettings(env: NodeJS.ProcessEnv, baseDir: string): EvidenceSettings {
  const config = loadConfiguration(EVIDENCE_VARIABLES, env);
  if (config.EVIDENCE_STORAGE === 'local') {
    return {
      maxBytes: config.EVIDENCE_MAX_BYTES,
      store: { kind: 'local', directory: resolve(baseDir, config.DUBAN_DATA_DIR, 'evidence') },
    };
  }
  const problems: string[] = [];
  if (config.EVIDENCE_S3_BUCKET === '')
    problems.push('EVIDENCE_S3_BUCKET is missing: EVIDENCE_STORAGE=s3 needs a bucket.');
  const hasKeyId = config.EVIDENCE_S3_ACCESS_KEY_ID !== '';
  if (hasKeyId !== (config.EVIDENCE_S3_SECRET_KEY !== '')) {
    problems.push('EVIDENCE_S3_ACCESS_KEY_ID and EVIDENCE_S3_SECRET_KEY go together; set both or neither.');
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  return {
    maxBytes: config.EVIDENCE_MAX_BYTES,
    store: {
      kind: 's3',
      bucket: config.EVIDENCE_S3_BUCKET,
      region: config.EVIDENCE_S3_REGION,
      forcePathStyle: config.EVIDENCE_S3_PATH_STYLE,
      ...(config.EVIDENCE_S3_ENDPOINT ? { endpoint: config.EVIDENCE_S3_ENDPOINT } : {}),
      ...(hasKeyId
        ? {
            credentials: {
              accessKeyId: config.EVIDENCE_S3_ACCESS_KEY_ID,
              secretAccessKey: config.EVIDENCE_S3_SECRET_KEY,
            },
          }
        : {}),
    },
  };
}

export function createEvidenceStore(settings: EvidenceSettings): EvidenceStore {
  const store = settings.store;
  if (store.kind === 'local') return new LocalEvidenceStore(store.directory);
  return new S3EvidenceStore(store);
}
