import type { DataSource } from 'typeorm';

import { AUDIT_APPEND_LOCK, auditHash, GENESIS_HASH } from './audit-trail';
import { AuditEntryEntity } from './entities';

export type AuditVerification =
  | { readonly valid: true; readonly checked: number; readonly lastHash: string }
  | {
      readonly valid: false;
      readonly checked: number;
      /** Id of the first row that is altered, or the id where a deleted row is missing. */
      readonly firstBadId: string;
      readonly problem: 'altered' | 'missing' | 'broken_link';
    };

const BATCH = 1000;

/**
 * Reads the last id the sequence has handed out while holding the append lock, so no append is half
 * done and every id up to it belongs to a committed row, a deleted one or a rolled-back append.
 */
async function issuedHighWater(dataSource: DataSource): Promise<bigint> {
  return dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_APPEND_LOCK]);
    const [sequence] = await manager.query<{ last_value: string; is_called: boolean }[]>(
      'SELECT last_value, is_called FROM audit_entries_id_seq',
    );
    return sequence?.is_called ? BigInt(sequence.last_value) : 0n;
  });
}

/**
 * Walks the audit trail in id order, recomputing each row's hash from its content and the previous
 * row's hash, and reports the first row that does not match. Ids come from a sequence, so a gap, or an
 * id handed out past the last row, is a deleted row. The walk stops at the high-water mark taken when it
 * starts, so appends made while it runs are left for the next verification.
 *
 * NOTE: a transaction that rolls back after taking an id also leaves a gap, which this reports as a
 * deleted row; appends take the id last in their transaction to make that rare.
 */
export async function verifyAuditTrail(dataSource: DataSource): Promise<AuditVerification> {
  const repository = dataSource.getRepository(AuditEntryEntity);
  const highWater = await issuedHighWater(dataSource);
  let previousHash = GENESIS_HASH;
  let previousId: bigint | undefined;
  let checked = 0;
  for (;;) {
    const query = repository
      .createQueryBuilder('a')
      .where('a.id <= :highWater', { highWater: highWater.toString() })
      .orderBy('a.id', 'ASC')
      .limit(BATCH);
    if (previousId !== undefined) query.andWhere('a.id > :after', { after: previousId.toString() });
    const rows = await query.getMany();
    for (const row of rows) {
      const id = BigInt(row.id);
      const expected = (previousId ?? 0n) + 1n;
      if (id !== expected) return { valid: false, checked, firstBadId: expected.toString(), problem: 'missing' };
      if (row.previousHash !== previousHash)
        return { valid: false, checked, firstBadId: row.id, problem: 'broken_link' };
      if (auditHash(row.algorithm, row.previousHash, row) !== row.hash) {
        return { valid: false, checked, firstBadId: row.id, problem: 'altered' };
      }
      previousHash = row.hash;
      previousId = id;
      checked += 1;
    }
    if (rows.length < BATCH) {
      const last = previousId ?? 0n;
      if (highWater > last) return { valid: false, checked, firstBadId: (last + 1n).toString(), problem: 'missing' };
      return { valid: true, checked, lastHash: previousHash };
    }
  }
}
