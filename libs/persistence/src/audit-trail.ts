import { createHash } from 'node:crypto';

import type { EntityManager } from 'typeorm';

import { AuditEntryEntity } from './entities';

/** Hash of the row before the first one. */
export const GENESIS_HASH = '0'.repeat(64);

/** Advisory lock key that serialises appends, so each row chains to the one committed before it. */
export const AUDIT_APPEND_LOCK = 0x64756261; // "duba"

export interface AuditRecord {
  readonly caseNumber: string;
  readonly sequence: number;
  readonly eventType: string;
  /** Canonical JSON of what happened, as the hash covers it. */
  readonly content: string;
  readonly recordedAt: Date;
}

export function auditHash(algorithm: string, previousHash: string, record: AuditRecord): string {
  return createHash(algorithm)
    .update(previousHash)
    .update('\n')
    .update(`${record.caseNumber}\n${record.sequence}\n${record.eventType}\n${record.recordedAt.toISOString()}\n`)
    .update(record.content)
    .digest('hex');
}

/** Hash functions the audit chain can use: SHA-256, or SM3 (GB/T 32905) where Chinese government systems require it. */
export const AUDIT_HASH_ALGORITHMS = ['sha256', 'sm3'] as const;
export type AuditHashAlgorithm = (typeof AUDIT_HASH_ALGORITHMS)[number];

/** Appends one audit row inside the caller's transaction, chained to the last committed row. */
export async function appendAuditEntry(
  manager: EntityManager,
  record: AuditRecord,
  algorithm: AuditHashAlgorithm = 'sha256',
): Promise<AuditEntryEntity> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_APPEND_LOCK]);
  const last = await manager
    .getRepository(AuditEntryEntity)
    .createQueryBuilder('entry')
    .orderBy('entry.id', 'DESC')
    .limit(1)
    .getOne();
  const previousHash = last?.hash ?? GENESIS_HASH;
  const entry = manager.getRepository(AuditEntryEntity).create({
    ...record,
    previousHash,
    algorithm,
    hash: auditHash(algorithm, previousHash, record),
  });
  return manager.getRepository(AuditEntryEntity).save(entry);
}
