import type { Readable } from 'node:stream';

/**
 * Storage of evidence content. Keys are `caseNumber/evidenceId`, written once and never overwritten
 * (evidence is immutable), so no store needs to handle concurrent writers of one key.
 */
export interface EvidenceStore {
  /** `local` or `s3`, recorded on each evidence row. */
  readonly kind: 'local' | 's3';
  /**
   * Writes the content under the key and resolves once it is durable. When `source` fails, whatever
   * was written is removed and the promise rejects with the source's error.
   */
  put(key: string, source: Readable, contentType: string): Promise<void>;
  /** Opens the content for reading; rejects with EvidenceContentMissingError when the key has none. */
  get(key: string): Promise<Readable>;
  /** Removes the content; a key that has none is not an error. */
  delete(key: string): Promise<void>;
}

export class EvidenceContentMissingError extends Error {
  constructor(readonly key: string) {
    super(`the evidence store has no content under ${key}`);
    this.name = 'EvidenceContentMissingError';
  }
}

/** Checks a key before a store turns it into a path or an object name. */
export function assertEvidenceKey(key: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*\/[0-9a-f-]{36}$/.test(key) || key.includes('..')) {
    throw new Error(`invalid evidence key ${JSON.stringify(key)}`);
  }
}

/** Builds the key of an evidence file. */
export function evidenceKey(caseNumber: string, id: string): string {
  return `${caseNumber}/${id}`;
}
