import type { DataSource, EntityManager } from 'typeorm';

import { canonicalJson, currentDeadline, rectificationEndedOn, type CaseEvent, type CaseState } from '@duban/domain';

import { appendAuditEntry, type AuditHashAlgorithm } from '../audit-trail';
import { CaseClockEntity, CaseEscalationEntity, CaseExposureEntity, CaseInterviewEntity } from '../entities';

export interface ProjectionResult {
  /** Sequence numbers written now; an event already recorded (a retried activity) is skipped. */
  readonly written: readonly number[];
}

/** Writes case events from the workflow into the read model, the outbox and the audit trail. */
export class CaseProjectionRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auditHashAlgorithm: AuditHashAlgorithm = 'sha256',
  ) {}

  /**
   * Records events, their notifications and the state after them, in one transaction. Each event's
   * key (case number, sequence) makes a repeat write nothing, so a retried activity is harmless.
   */
  async recordEvents(events: readonly CaseEvent[], state: CaseState): Promise<ProjectionResult> {
    return this.dataSource.transaction(async (manager) => {
      const recordedAt = new Date();
      const written: number[] = [];
      for (const event of events) {
        if (await this.insertEvent(manager, state.caseNumber, event, recordedAt)) written.push(event.sequence);
      }
      if (written.length === 0) return { written };

      const opening = events.find((e) => e.type === 'case_opened' || e.type === 'case_imported');
      await this.upsertCase(manager, state, recordedAt, opening ? String(opening.data['openingHash']) : undefined);
      for (const event of events.filter((e) => written.includes(e.sequence))) {
        await this.insertNotifications(manager, state.caseNumber, event, recordedAt);
        await appendAuditEntry(
          manager,
          {
            caseNumber: state.caseNumber,
            sequence: event.sequence,
            eventType: event.type,
            content: canonicalJson(event),
            recordedAt,
          },
          this.auditHashAlgorithm,
        );
      }
      return { written };
    });
  }

  private async insertEvent(
    manager: EntityManager,
    caseNumber: string,
    event: CaseEvent,
    recordedAt: Date,
  ): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO case_events (case_number, sequence, type, occurred_at, actor, reason, data, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (case_number, sequence) DO NOTHING
       RETURNING sequence`,
      [
        caseNumber,
        event.sequence,
        event.type,
        new Date(event.occurredAt),
        JSON.stringify(event.actor),
        event.reason ?? null,
        JSON.stringify(event.data),
        recordedAt,
      ],
    );
    return inserted.length === 1;
  }

  private async insertNotifications(
    manager: EntityManager,
    caseNumber: string,
    event: CaseEvent,
    recordedAt: Date,
  ): Promise<void> {
    for (const [index, notification] of (event.notifications ?? []).entries()) {
      const recipient = notification.recipient;
      await manager.query(
        `INSERT INTO notifications (key, case_number, sequence, topic, recipient_kind, recipient_jurisdiction_code,
           recipient_role, recipient_unit_credit_code, escalation_id, text_zh, text_en, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          notificationKey(caseNumber, event.sequence, index),
          caseNumber,
          event.sequence,
          notification.topic,
          recipient.kind,
          recipient.jurisdictionCode,
          recipient.kind === 'role' ? recipient.role : null,
          recipient.kind === 'unit' ? recipient.unitCreditCode : null,
          notification.escalationId ?? null,
          notification.text.zh,
          notification.text.en,
          recordedAt,
        ],
      );
    }
  }

  private async upsertCase(
    manager: EntityManager,
    state: CaseState,
    recordedAt: Date,
    openingHash: string | undefined,
  ): Promise<void> {
    const opening = state.opening;
    const rectification = state.clocks.rectification;
    const values = [
      state.caseNumber,
      state.stage,
      opening.jurisdictionCode,
      opening.placeType,
      opening.address,
      opening.responsibleUnit.name,
      opening.responsibleUnit.creditCode,
      opening.discoveredOn,
      opening.discoverySource,
      JSON.stringify(opening.hazardItems),
      openingHash ?? '',
      new Date(state.openedAt),
      state.lastSequence,
      recordedAt,
      JSON.stringify(state),
      state.listing?.level ?? null,
      currentDeadline(state) ?? null,
      rectification ? new Date(rectification.dueAt) : null,
      rectification?.status === 'missed',
      state.imported !== undefined,
      rectificationEndedOn(state) ?? null,
    ];
    // Events arrive in sequence order, but the guard keeps an older state from overwriting a newer one.
    const applied: unknown[] = await manager.query(
      `INSERT INTO hazard_cases (case_number, stage, jurisdiction_code, place_type, address, unit_name, unit_credit_code,
         discovered_on, discovery_source, hazard_items, opening_hash, opened_at, last_sequence, updated_at, state,
         listing_level, deadline, deadline_at, overdue, imported, ended_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
       ON CONFLICT (case_number) DO UPDATE SET
         stage = EXCLUDED.stage, hazard_items = EXCLUDED.hazard_items, last_sequence = EXCLUDED.last_sequence,
         updated_at = EXCLUDED.updated_at, state = EXCLUDED.state, listing_level = EXCLUDED.listing_level,
         deadline = EXCLUDED.deadline, deadline_at = EXCLUDED.deadline_at, overdue = EXCLUDED.overdue,
         ended_on = EXCLUDED.ended_on
       WHERE hazard_cases.last_sequence < EXCLUDED.last_sequence
       RETURNING case_number`,
      values,
    );
    if (applied.length === 1) await this.replaceCaseDetails(manager, state);
  }

  /** Rewrites the case's clock, escalation, interview and exposure rows from its state. */
  private async replaceCaseDetails(manager: EntityManager, state: CaseState): Promise<void> {
    const caseNumber = state.caseNumber;
    for (const entity of [CaseClockEntity, CaseEscalationEntity, CaseInterviewEntity, CaseExposureEntity]) {
      await manager.delete(entity, { caseNumber });
    }

    const clocks = Object.values(state.clocks).map((clock) => ({
      caseNumber,
      clockId: clock.id,
      due: clock.due,
      dueAt: new Date(clock.dueAt),
      provisional: clock.provisional,
      status: clock.status,
      settledAt: optionalDate(clock.settledAt),
      basis: clock.basis,
      explanation: clock.explanation,
    }));
    if (clocks.length > 0) await manager.insert(CaseClockEntity, clocks);

    const escalations = state.escalations.map((escalation) => ({
      caseNumber,
      escalationId: escalation.id,
      kind: escalation.kind,
      jurisdictionCode: escalation.jurisdictionCode,
      sentAt: new Date(escalation.sentAt),
      acknowledgeBy: optionalDate(escalation.acknowledgeBy),
      resends: escalation.resends,
      climbs: escalation.climbs,
      acknowledgedAt: optionalDate(escalation.acknowledgedAt),
      instruction: escalation.instruction ?? null,
      supersededAt: optionalDate(escalation.supersededAt),
    }));
    if (escalations.length > 0) await manager.insert(CaseEscalationEntity, escalations);

    const interviews = state.interviews.map((interview, index) => ({
      caseNumber,
      ordinal: index + 1,
      heldOn: interview.heldOn,
      attendees: [...interview.attendees],
      minutes: interview.minutes,
      commitment: interview.commitment,
      recordedAt: new Date(interview.recordedAt),
    }));
    if (interviews.length > 0) await manager.insert(CaseInterviewEntity, interviews);

    const exposure = state.exposure;
    if (exposure) {
      await manager.insert(CaseExposureEntity, {
        caseNumber,
        status: exposure.status,
        proposedAt: new Date(exposure.proposedAt),
        decidedAt: optionalDate(exposure.decidedAt),
        publishedAt: optionalDate(exposure.publishedAt),
        takedownAt: optionalDate(exposure.takedownAt),
        takenDownAt: optionalDate(exposure.takenDownAt),
      });
    }
  }
}

/** Converts an optional ISO instant to a date. An empty string marks an instant that no longer applies. */
function optionalDate(iso: string | undefined): Date | null {
  return iso ? new Date(iso) : null;
}

/** Stable key of the index-th notification of an event, carried to every channel that delivers it. */
export function notificationKey(caseNumber: string, sequence: number, index: number): string {
  return `${caseNumber}/${sequence}/${index}`;
}
