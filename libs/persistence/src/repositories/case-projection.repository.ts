import type { DataSource, Repository } from 'typeorm';

import { canonicalJson, type CaseEvent, type CaseOpening, type CaseSnapshot } from '@duban/domain';

import { appendAuditEntry } from '../audit-trail';
import { HazardCaseEntity } from '../entities';

export interface ProjectionResult {
  /** False when the event was already recorded, as happens when an activity is retried. */
  readonly written: boolean;
}

/** Writes case events from the workflow into the read model and the audit trail. */
export class CaseProjectionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records one event and the snapshot after it, in one transaction. The event row's key
   * (case number, sequence) makes a repeat write nothing.
   */
  async recordEvent(event: CaseEvent, snapshot: CaseSnapshot): Promise<ProjectionResult> {
    return this.dataSource.transaction(async (manager) => {
      const recordedAt = new Date();
      const inserted: unknown[] = await manager.query(
        `INSERT INTO case_events (case_number, sequence, type, occurred_at, actor, reason, data, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (case_number, sequence) DO NOTHING
         RETURNING sequence`,
        [
          snapshot.caseNumber,
          event.sequence,
          event.type,
          new Date(event.occurredAt),
          JSON.stringify(event.actor),
          event.reason ?? null,
          JSON.stringify(event.data),
          recordedAt,
        ],
      );
      if (inserted.length === 0) return { written: false };

      const openingHash = event.type === 'case_opened' ? String(event.data['openingHash']) : undefined;
      await this.upsertCase(manager.getRepository(HazardCaseEntity), snapshot, recordedAt, openingHash);
      await appendAuditEntry(manager, {
        caseNumber: snapshot.caseNumber,
        sequence: event.sequence,
        eventType: event.type,
        content: canonicalJson(event),
        recordedAt,
      });
      return { written: true };
    });
  }

  private async upsertCase(
    repository: Repository<HazardCaseEntity>,
    snapshot: CaseSnapshot,
    recordedAt: Date,
    openingHash: string | undefined,
  ): Promise<void> {
    const row = toCaseRow(snapshot, recordedAt);
    if (openingHash !== undefined) {
      await repository.insert({ ...row, openingHash });
      return;
    }
    // Events are recorded in sequence order, but a guard keeps an older snapshot from overwriting a newer one.
    await repository
      .createQueryBuilder()
      .update(HazardCaseEntity)
      .set(row)
      .where('case_number = :caseNumber AND last_sequence < :sequence', {
        caseNumber: snapshot.caseNumber,
        sequence: snapshot.lastSequence,
      })
      .execute();
  }
}

function toCaseRow(snapshot: CaseSnapshot, recordedAt: Date): Omit<HazardCaseEntity, 'openingHash'> {
  const opening: CaseOpening = snapshot;
  return {
    caseNumber: opening.caseNumber,
    stage: snapshot.stage,
    jurisdictionCode: opening.jurisdictionCode,
    placeType: opening.placeType,
    address: opening.address,
    unitName: opening.responsibleUnit.name,
    unitCreditCode: opening.responsibleUnit.creditCode,
    discoveredOn: opening.discoveredOn,
    discoverySource: opening.discoverySource,
    hazardItems: [...opening.hazardItems],
    openedAt: new Date(snapshot.openedAt),
    lastSequence: snapshot.lastSequence,
    updatedAt: recordedAt,
  };
}
