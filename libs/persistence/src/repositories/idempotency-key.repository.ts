import type { DataSource } from 'typeorm';

import { IdempotencyKeyEntity } from '../entities';

/** Idempotency keys of case-opening requests. */
export class IdempotencyKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores the key for this request unless it exists. Returns the stored row, which the caller
   * compares with its own request, and whether this call stored it.
   */
  async claim(
    key: string,
    requestHash: string,
    caseNumber: string,
  ): Promise<{ readonly stored: IdempotencyKeyEntity; readonly claimedNow: boolean }> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (key, request_hash, case_number, created_at)
       VALUES ($1, $2, $3, now())
       ON CONFLICT (key) DO NOTHING
       RETURNING key`,
      [key, requestHash, caseNumber],
    );
    const stored = await this.dataSource.getRepository(IdempotencyKeyEntity).findOneByOrFail({ key });
    return { stored, claimedNow: inserted.length === 1 };
  }
}
