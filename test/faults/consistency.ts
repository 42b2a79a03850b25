import type { Client, WorkflowHandle } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { DataSource } from 'typeorm';

import { canonicalJson, type CaseEvent, type CaseStage } from '@duban/domain';

type History = Awaited<ReturnType<WorkflowHandle['fetchHistory']>>;
type HistoryEvent = NonNullable<History['events']>[number];

/** The events one `recordCaseEvents` activity carried, and when Temporal recorded its completion. */
interface Recording {
  readonly events: readonly CaseEvent[];
  completedAt?: number;
}

/** Event types of which each ladder rung fires at most once, with the rung's id. */
const ONCE_PER_RUNG: Record<string, (event: CaseEvent) => unknown> = {
  reminder_sent: (event) => event.data['rung'],
  overdue_notice_sent: (event) => event.data['rung'],
  escalation_sent: (event) => (event.data['escalation'] as { id?: string } | undefined)?.id,
};

/** Totals of one consistency check over every case. */
export interface ConsistencyReport {
  /** Audit rows compared with the workflow histories, field by field. */
  readonly eventsCompared: number;
  /** Events in the histories, including those whose activity has not completed yet. */
  readonly eventsInHistory: number;
  /** Outbox rows found for the recorded events. */
  readonly notificationKeys: number;
  /** Outbox rows of escalation events. */
  readonly escalationKeys: number;
  /** Rungs fired twice, outbox rows of no recorded event, and keys written more than once. */
  readonly duplicates: number;
  /** Cases not at their expected stage. */
  readonly wrongStages: number;
  /** Each difference found, as a sentence naming the case. */
  readonly problems: readonly string[];
}

interface Snapshot {
  readonly readAt: number;
  readonly audit: Map<string, { sequence: number; event_type: string; content: string }[]>;
  readonly keys: Map<string, { key: string; escalation_id: string | null }[]>;
  readonly stages: Map<string, CaseStage>;
  readonly repeatedKeys: number;
}

/**
 * Compares the audit trail and the outbox with the workflow histories. The database is read first, in one
 * REPEATABLE READ snapshot, and the histories after it. So every event whose activity completed before the
 * snapshot must be in it, and each case's audit trail must be exactly the start of its history, in order
 * and byte for byte. `expectedStages` lists the cases whose commands have all taken effect.
 */
export async function checkConsistency(
  client: Client,
  dataSource: DataSource,
  caseNumbers: readonly string[],
  expectedStages: ReadonlyMap<string, CaseStage>,
): Promise<ConsistencyReport> {
  const snapshot = await readSnapshot(dataSource, caseNumbers);
  const problems: string[] = [];
  let eventsCompared = 0;
  let eventsInHistory = 0;
  let notificationKeys = 0;
  let escalationKeys = 0;
  let duplicates = snapshot.repeatedKeys;
  let wrongStages = 0;
  if (snapshot.repeatedKeys > 0) problems.push(`${snapshot.repeatedKeys} notification keys are written twice`);

  for (const caseNumber of caseNumbers) {
    const recordings = await recordingsOf(client, caseNumber);
    const history = recordings.flatMap((recording) => recording.events);
    eventsInHistory += history.length;
    const audit = snapshot.audit.get(caseNumber) ?? [];
    const must = mustBeRecorded(recordings, snapshot.readAt);

    history.forEach((event, index) => {
      if (event.sequence !== index + 1)
        problems.push(`${caseNumber}: history event ${index} has sequence ${event.sequence}`);
    });
    if (audit.length > history.length) {
      problems.push(`${caseNumber}: the audit trail has ${audit.length} events, the history ${history.length}`);
    }
    if (audit.length < must) {
      problems.push(
        `${caseNumber}: lost events: ${must} were recorded by completed activities, ${audit.length} are audited`,
      );
    }
    audit.forEach((row, index) => {
      const event = history[index];
      if (!event || row.sequence !== event.sequence || row.event_type !== event.type) {
        problems.push(
          `${caseNumber}: audit row ${index} is ${row.sequence} ${row.event_type}, history has ${event?.sequence} ${event?.type}`,
        );
      } else if (row.content !== canonicalJson(event)) {
        problems.push(`${caseNumber}: audit row ${index} (${row.event_type}) differs from the history's event`);
      }
    });
    eventsCompared += Math.min(audit.length, history.length);

    const expectedKeys = new Set(
      history
        .slice(0, audit.length)
        .flatMap((event) => (event.notifications ?? []).map((_, index) => `${caseNumber}/${event.sequence}/${index}`)),
    );
    const written = snapshot.keys.get(caseNumber) ?? [];
    const writtenKeys = new Set(written.map((row) => row.key));
    const lost = [...expectedKeys].filter((key) => !writtenKeys.has(key));
    const extra = [...writtenKeys].filter((key) => !expectedKeys.has(key));
    if (lost.length > 0) problems.push(`${caseNumber}: notification keys missing from the outbox: ${lost.join(', ')}`);
    if (extra.length > 0) problems.push(`${caseNumber}: outbox keys of no recorded event: ${extra.join(', ')}`);
    duplicates += extra.length;
    notificationKeys += written.length - extra.length;
    escalationKeys += written.filter((row) => row.escalation_id !== null).length;

    const repeatedRungs = repeatedRungsOf(history);
    duplicates += repeatedRungs.length;
    if (repeatedRungs.length > 0) problems.push(`${caseNumber}: rungs fired twice: ${repeatedRungs.join(', ')}`);

    const expected = expectedStages.get(caseNumber);
    const stage = snapshot.stages.get(caseNumber);
    if (expected !== undefined && stage !== expected) {
      wrongStages++;
      problems.push(`${caseNumber}: stage ${stage ?? '(no row)'}, expected ${expected}`);
    }
  }
  return { eventsCompared, eventsInHistory, notificationKeys, escalationKeys, duplicates, wrongStages, problems };
}

async function readSnapshot(dataSource: DataSource, caseNumbers: readonly string[]): Promise<Snapshot> {
  return dataSource.transaction('REPEATABLE READ', async (manager) => {
    const readAt = Date.now();
    const auditRows: { case_number: string; sequence: number; event_type: string; content: string }[] =
      await manager.query(
        `SELECT case_number, sequence, event_type, content FROM audit_entries
         WHERE case_number = ANY($1) ORDER BY case_number, id`,
        [caseNumbers],
      );
    const keyRows: { case_number: string; key: string; escalation_id: string | null }[] = await manager.query(
      'SELECT case_number, key, escalation_id FROM notifications WHERE case_number = ANY($1) ORDER BY key',
      [caseNumbers],
    );
    const repeated: { repeated: number }[] = await manager.query(
      `SELECT count(*)::int AS repeated FROM (SELECT key FROM notifications GROUP BY key HAVING count(*) > 1) AS keys`,
    );
    const stageRows: { case_number: string; stage: CaseStage }[] = await manager.query(
      'SELECT case_number, stage FROM hazard_cases WHERE case_number = ANY($1)',
      [caseNumbers],
    );
    return {
      readAt,
      audit: groupBy(auditRows, (row) => row.case_number),
      keys: groupBy(keyRows, (row) => row.case_number),
      stages: new Map(stageRows.map((row) => [row.case_number, row.stage])),
      repeatedKeys: repeated[0]?.repeated ?? 0,
    };
  });
}

/** Returns the `recordCaseEvents` activities of every run of the case's workflow, oldest run first. */
async function recordingsOf(client: Client, caseNumber: string): Promise<Recording[]> {
  const histories: History[] = [];
  let runId: string | undefined;
  do {
    const history = await client.workflow.getHandle(caseNumber, runId).fetchHistory();
    histories.unshift(history);
    runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId ?? undefined;
  } while (runId);

  const recordings: Recording[] = [];
  for (const history of histories) {
    const scheduled = new Map<string, Recording>();
    for (const event of history.events ?? []) {
      const attributes = event.activityTaskScheduledEventAttributes;
      if (attributes?.activityType?.name === 'recordCaseEvents') {
        const payload = attributes.input?.payloads?.[0];
        if (!payload) throw new Error(`${caseNumber}: a recordCaseEvents activity has no input`);
        const input = defaultPayloadConverter.fromPayload<{ events: CaseEvent[] }>(payload);
        const recording: Recording = { events: input.events };
        scheduled.set(String(event.eventId), recording);
        recordings.push(recording);
      }
      const completed = event.activityTaskCompletedEventAttributes;
      const recording = completed ? scheduled.get(String(completed.scheduledEventId)) : undefined;
      if (recording) recording.completedAt = eventTime(event);
    }
  }
  return recordings;
}

/** Events of the activities that completed before `readAt`; a workflow runs them one after another. */
function mustBeRecorded(recordings: readonly Recording[], readAt: number): number {
  let count = 0;
  for (const recording of recordings) {
    if (recording.completedAt !== undefined && recording.completedAt < readAt) count += recording.events.length;
  }
  return count;
}

function repeatedRungsOf(history: readonly CaseEvent[]): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const event of history) {
    const rung = ONCE_PER_RUNG[event.type]?.(event);
    if (typeof rung !== 'string') continue;
    if (seen.has(rung)) repeated.push(rung);
    seen.add(rung);
  }
  return repeated;
}

function eventTime(event: HistoryEvent): number {
  const time = event.eventTime;
  return Number(time?.seconds ?? 0) * 1000 + Math.floor((time?.nanos ?? 0) / 1e6);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
