import type { DataSource } from 'typeorm';

import { auditHash, GENESIS_HASH } from './audit-trail';
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

/** Reports rows deleted from the end of the trail: the id sequence has handed out ids past the last row. */
async function checkTail(
  dataSource: DataSource,
  lastId: bigint | undefined,
  checked: number,
  lastHash: string,
): Promise<AuditVerification> {
  const [sequence] = await dataSource.query<{ last_value: string; is_called: boolean }[]>(
    'SELECT last_value, is_called FROM audit_entries_id_seq',
  );
  const issued = sequence?.is_called ? BigInt(sequence.last_value) : 0n;
  const last = lastId ?? 0n;
  if (issued > last) return { valid: false, checked, firstBadId: (last + 1n).toString(), problem: 'missing' };
  return { valid: true, checked, lastHash };
}

/**
 * Walks the audit trail in id order, recomputing each row's hash from its content and the previous
 * row's hash, and reports the first row that does not match. Ids come from a sequence, so a gap, or an
 * id handed out past the last row, is a deleted row.
 *
 * NOTE: a transaction that rolls back after taking an id also leaves a gap, which this reports as a
 * deleted row; appends take the id last in their transaction to make that rare.
 */
export async function verifyAuditTrail(dataSource: DataSource): Promise<AuditVerification> {
  const repository = dataSource.getRepository(AuditEntryEntity);
  let previousHash = GENESIS_HASH;
  let previousId: bigint | undefined;
  let checked = 0;
  for (;;) {
    const query = repository.createQueryBuilder('a').orderBy('a.id', 'ASC').limit(BATCH);
    if (previousId !== undefined) query.where('a.id > :after', { after: previousId.toString() });
    const rows = await query.getMany();
    for (const row of rows) {
      const id = BigInt(row.id);
      if (previousId !== undefined && id !== previousId + 1n) {
        return { valid: false, checked, firstBadId: (previousId + 1n).toString(), problem: 'missing' };
      }
      if (row.previousHash !== previousHash)
        return { valid: false, checked, firstBadId: row.id, problem: 'broken_link' };
      if (auditHash(row.algorithm, row.previousHash, row) !== row.hash) {
        return { valid: false, checked, firstBadId: row.id, problem: 'altered' };
      }
      previousHash = row.hash;
      previousId = id;
      checked += 1;
    }
    if (rows.length < BATCH) return checkTail(dataSource, previousId, checked, previousHash);
  }
}
