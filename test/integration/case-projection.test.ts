import { randomUUID } from 'node:crypto';

import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';

import {
  DEFAULT_ESCALATION_POLICY,
  OFFICIAL_SCHEDULES,
  openedCaseState,
  SYSTEM_ACTOR,
  WorkingCalendar,
  type CaseEvent,
  type CaseOpening,
  type CaseState,
} from '@duban/domain';
import {
  auditHash,
  AuditEntryEntity,
  CaseEventEntity,
  CaseProjectionRepository,
  GENESIS_HASH,
  HazardCaseEntity,
  NotificationEntity,
} from '@duban/persistence';
import { confirmOpenedUpdate, workflowBundlerOptions, type HazardCaseInput } from '@duban/temporal';

import { createCaseActivities } from '../../apps/worker/src/case-activities';
import { connectTestDatabase } from '../support/database';
import { uniqueCaseNumber } from '../support/apps';

function openingFor(caseNumber: string): CaseOpening {
  return {
    caseNumber,
    responsibleUnit: { name: '某某仓储有限公司', creditCode: '91350100M000100Y43' },
    jurisdictionCode: '350102',
    placeType: 'warehouse',
    address: '福州市鼓楼区某某路 9 号',
    discoveredOn: '2025-10-09',
    discoverySource: 'campaign_check',
    hazardItems: [{ description: '仓库内设置员工宿舍', location: '二层' }],
  };
}

describe('case projection on PostgreSQL', () => {
  let dataSource: DataSource;
  let projection: CaseProjectionRepository;

  beforeAll(async () => {
    dataSource = await connectTestDatabase();
    projection = new CaseProjectionRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  const calendar = WorkingCalendar.fromSchedules(OFFICIAL_SCHEDULES);

  function openedEvent(opening: CaseOpening): { event: CaseEvent; snapshot: CaseState } {
    const occurredAt = '2025-10-09T01:00:00.000Z';
    const initial = openedCaseState(opening, occurredAt, DEFAULT_ESCALATION_POLICY, { calendar });
    return {
      event: {
        sequence: 1,
        type: 'case_opened',
        occurredAt,
        actor: SYSTEM_ACTOR,
        data: { opening, openingHash: 'c'.repeat(64) },
        notifications: [
          {
            topic: 'reminder',
            recipient: {
              kind: 'unit',
              jurisdictionCode: opening.jurisdictionCode,
              unitCreditCode: opening.responsibleUnit.creditCode,
            },
            text: { zh: '测试通知', en: 'test notification' },
          },
        ],
      },
      snapshot: { ...initial, lastSequence: 1 },
    };
  }

  it('writes a repeated event once', async () => {
    const caseNumber = uniqueCaseNumber('P');
    const { event, snapshot } = openedEvent(openingFor(caseNumber));

    const first = await projection.recordEvents([event], snapshot);
    const second = await projection.recordEvents([event], snapshot);

    expect(first.written).toEqual([1]);
    expect(second.written).toEqual([]);
    expect(await dataSource.getRepository(NotificationEntity).countBy({ caseNumber })).toBe(1);
    const notification = await dataSource.getRepository(NotificationEntity).findOneByOrFail({ caseNumber });
    expect(notification.key).toBe(`${caseNumber}/1/0`);
    expect(notification.recipientUnitCreditCode).toBe('91350100M000100Y43');
    expect(await dataSource.getRepository(CaseEventEntity).countBy({ caseNumber })).toBe(1);
    expect(await dataSource.getRepository(AuditEntryEntity).countBy({ caseNumber })).toBe(1);
    const row = await dataSource.getRepository(HazardCaseEntity).findOneByOrFail({ caseNumber });
    expect(row.stage).toBe('discovered');
    expect(row.discoveredOn).toBe('2025-10-09');
    expect(row.openingHash).toBe('c'.repeat(64));
    expect(row.state.clocks.handling_opinion?.due).toBe('2025-10-17');
  });

  it('stores the China date the rectification ended', async () => {
    const caseNumber = uniqueCaseNumber('P');
    const { event, snapshot } = openedEvent(openingFor(caseNumber));
    const closing: CaseEvent = { ...event, sequence: 2, type: 'case_withdrawn', notifications: [] };

    await projection.recordEvents([event], snapshot);
    const open = await dataSource.getRepository(HazardCaseEntity).findOneByOrFail({ caseNumber });
    // 16:30 UTC on 31 October is 00:30 on 1 November in China.
    await projection.recordEvents([closing], {
      ...snapshot,
      stage: 'withdrawn',
      withdrawal: { at: '2025-10-31T16:30:00.000Z', reason: '误报' },
      lastSequence: 2,
    });
    const ended = await dataSource.getRepository(HazardCaseEntity).findOneByOrFail({ caseNumber });

    expect(open.endedOn).toBeNull();
    expect(ended.endedOn).toBe('2025-11-01');
  });

  it('chains every audit entry to the one before it', async () => {
    for (let i = 0; i < 3; i++) {
      const { event, snapshot } = openedEvent(openingFor(uniqueCaseNumber('C')));
      await projection.recordEvents([event], snapshot);
    }

    const entries = await dataSource.getRepository(AuditEntryEntity).find({ order: { id: 'ASC' } });

    expect(entries.length).toBeGreaterThanOrEqual(3);
    let previous = GENESIS_HASH;
    for (const entry of entries) {
      expect(entry.previousHash).toBe(previous);
      expect(entry.hash).toBe(auditHash(entry.algorithm, entry.previousHash, entry));
      previous = entry.hash;
    }
  });

  it('rejects changes to written audit entries', async () => {
    const { event, snapshot } = openedEvent(openingFor(uniqueCaseNumber('A')));
    await projection.recordEvents([event], snapshot);

    await expect(
      dataSource.query(`UPDATE audit_entries SET content = '{}' WHERE case_number = $1`, [snapshot.caseNumber]),
    ).rejects.toThrow('audit_entries is append-only: UPDATE is not allowed');
    await expect(
      dataSource.query(`DELETE FROM audit_entries WHERE case_number = $1`, [snapshot.caseNumber]),
    ).rejects.toThrow('audit_entries is append-only: DELETE is not allowed');
  });

  it('projects a workflow started on the dev server through the real activity', async () => {
    const address = process.env.TEMPORAL_ADDRESS ?? '';
    const connection = await NativeConnection.connect({ address });
    const taskQueue = `integration-${randomUUID()}`;
    const { workflowsPath, webpackConfigHook } = workflowBundlerOptions();
    const worker = await Worker.create({
      connection,
      taskQueue,
      workflowsPath,
      bundlerOptions: { webpackConfigHook },
      activities: createCaseActivities(projection, undefined),
    });
    const client = new Client({ connection: await Connection.connect({ address }) });
    const caseNumber = uniqueCaseNumber('W');
    const input: HazardCaseInput = {
      opening: openingFor(caseNumber),
      openedBy: SYSTEM_ACTOR,
      openingHash: 'd'.repeat(64),
      openRequestId: 'request-1',
    };

    const confirmed = await worker.runUntil(async () => {
      const handle = await client.workflow.start('hazardCase', { workflowId: caseNumber, taskQueue, args: [input] });
      const result = await handle.executeUpdate(confirmOpenedUpdate, {
        args: [{ openRequestId: 'request-1', openingHash: 'd'.repeat(64) }],
      });
      await handle.terminate('test finished');
      return result;
    });
    await client.connection.close();
    await connection.close();

    expect(confirmed.created).toBe(true);
    const row = await dataSource.getRepository(HazardCaseEntity).findOneByOrFail({ caseNumber });
    expect(row.stage).toBe('discovered');
    expect(row.placeType).toBe('warehouse');
    // Discovered in 2025, so the 7-working-day handling-opinion and report clocks have long lapsed.
    const events = await dataSource
      .getRepository(CaseEventEntity)
      .find({ where: { caseNumber }, order: { sequence: 'ASC' } });
    expect(events.map((e) => e.type)).toEqual(['case_opened', 'statutory_clock_missed', 'statutory_clock_missed']);
    expect(row.lastSequence).toBe(3);
    const notifications = await dataSource
      .getRepository(NotificationEntity)
      .find({ where: { caseNumber }, order: { key: 'ASC' } });
    expect(notifications.map((n) => [n.key, n.recipientRole, n.recipientJurisdictionCode])).toEqual([
      [`${caseNumber}/2/0`, 'brigade_leader', '350102'],
      [`${caseNumber}/3/0`, 'brigade_leader', '350102'],
    ]);
    expect(row.state.stage).toBe('discovered');
    expect(events[0]?.actor).toEqual(SYSTEM_ACTOR);
  });
});
