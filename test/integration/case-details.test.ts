import type { DataSource } from 'typeorm';

import {
  DEFAULT_ESCALATION_POLICY,
  OFFICIAL_SCHEDULES,
  openedCaseState,
  SYSTEM_ACTOR,
  WorkingCalendar,
  type CaseEvent,
  type CaseState,
} from '@duban/domain';
import {
  CaseClockEntity,
  CaseEscalationEntity,
  CaseExposureEntity,
  CaseInterviewEntity,
  CaseProjectionRepository,
  createDataSource,
} from '@duban/persistence';

import { AddClockEscalationInterviewExposureTables1764856800000 as DetailTablesMigration } from '../../migrations/1764856800000-AddClockEscalationInterviewExposureTables';
import { uniqueCaseNumber } from '../support/apps';
import { connectTestDatabase } from '../support/database';
import { createPrivateDatabase } from './support/private-database';

const calendar = WorkingCalendar.fromSchedules(OFFICIAL_SCHEDULES);

function openedState(caseNumber: string): CaseState {
  const opening = {
    caseNumber,
    responsibleUnit: { name: '某某商贸有限公司', creditCode: '91350100M000100Y43' },
    jurisdictionCode: '350102',
    placeType: 'shopping_mall' as const,
    address: '福州市鼓楼区某某路 1 号',
    discoveredOn: '2025-10-09',
    discoverySource: 'campaign_check' as const,
    hazardItems: [{ description: '疏散楼梯被占用', location: '一层' }],
  };
  return {
    ...openedCaseState(opening, '2025-10-09T01:00:00.000Z', DEFAULT_ESCALATION_POLICY, { calendar }),
    lastSequence: 1,
  };
}

function event(sequence: number, type: string): CaseEvent {
  return {
    sequence,
    type,
    occurredAt: '2025-12-01T02:00:00.000Z',
    actor: SYSTEM_ACTOR,
    data: {},
    notifications: [],
  } as CaseEvent;
}

/** Returns the opened state two events later, once escalated, interviewed and exposed. */
function escalatedState(opened: CaseState): CaseState {
  return {
    ...opened,
    lastSequence: 3,
    escalations: [
      {
        id: 'supervisory_letter@2025-11-28',
        kind: 'supervisory_letter',
        jurisdictionCode: '350100',
        sentAt: '2025-11-29T01:00:00.000Z',
        acknowledgeBy: '2025-12-03T16:00:00.000Z',
        resends: 1,
        climbs: 1,
        acknowledgedAt: '2025-12-01T02:00:00.000Z',
        instruction: '限期整改到位',
      },
      {
        id: 'interview@2025-11-28',
        kind: 'interview',
        jurisdictionCode: '350000',
        sentAt: '2025-11-30T01:00:00.000Z',
        acknowledgeBy: '',
        resends: 2,
        climbs: 2,
      },
    ],
    interviews: [
      {
        heldOn: '2025-12-01',
        attendees: ['区政府分管领导', '单位法定代表人'],
        minutes: '约谈纪要',
        commitment: '十日内完成整改',
        recordedAt: '2025-12-01T02:00:00.000Z',
      },
    ],
    exposure: {
      status: 'published',
      proposedAt: '2025-11-30T01:00:00.000Z',
      decidedAt: '2025-11-30T08:00:00.000Z',
      publishedAt: '2025-11-30T17:00:00.000Z',
    },
  };
}

describe('case detail tables on PostgreSQL', () => {
  let dataSource: DataSource;
  let projection: CaseProjectionRepository;

  beforeAll(async () => {
    dataSource = await connectTestDatabase();
    projection = new CaseProjectionRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('projects clocks, escalations, interviews and exposure', async () => {
    const opened = openedState(uniqueCaseNumber('DT'));
    const caseNumber = opened.caseNumber;
    await projection.recordEvents([event(1, 'case_opened')], opened);
    const clocksAfterOpening = await dataSource.getRepository(CaseClockEntity).findBy({ caseNumber });

    await projection.recordEvents(
      [event(2, 'escalation_sent'), event(3, 'interview_recorded')],
      escalatedState(opened),
    );

    expect(clocksAfterOpening.map((c) => c.clockId).sort()).toEqual(Object.keys(opened.clocks).sort());
    const handling = clocksAfterOpening.find((c) => c.clockId === 'handling_opinion');
    expect(handling?.due).toBe('2025-10-17');
    expect(handling?.status).toBe(opened.clocks.handling_opinion?.status);
    const escalations = await dataSource
      .getRepository(CaseEscalationEntity)
      .find({ where: { caseNumber }, order: { sentAt: 'ASC' } });
    expect(escalations.map((e) => [e.escalationId, e.jurisdictionCode, e.resends, e.climbs])).toEqual([
      ['supervisory_letter@2025-11-28', '350100', 1, 1],
      ['interview@2025-11-28', '350000', 2, 2],
    ]);
    expect(escalations[0]?.acknowledgedAt?.toISOString()).toBe('2025-12-01T02:00:00.000Z');
    expect(escalations[0]?.instruction).toBe('限期整改到位');
    expect(escalations[1]?.acknowledgeBy).toBeNull();
    expect(escalations[1]?.acknowledgedAt).toBeNull();
    const interviews = await dataSource.getRepository(CaseInterviewEntity).findBy({ caseNumber });
    expect(interviews.map((i) => [i.ordinal, i.heldOn, i.attendees])).toEqual([
      [1, '2025-12-01', ['区政府分管领导', '单位法定代表人']],
    ]);
    const exposure = await dataSource.getRepository(CaseExposureEntity).findOneByOrFail({ caseNumber });
    expect(exposure.status).toBe('published');
    expect(exposure.publishedAt?.toISOString()).toBe('2025-11-30T17:00:00.000Z');
    expect(exposure.takenDownAt).toBeNull();
  });

  it('keeps the newer rows when an older state arrives late', async () => {
    const opened = openedState(uniqueCaseNumber('DT'));
    const caseNumber = opened.caseNumber;
    await projection.recordEvents([event(1, 'case_opened')], opened);
    await projection.recordEvents(
      [event(2, 'escalation_sent'), event(3, 'interview_recorded')],
      escalatedState(opened),
    );

    const stale = await projection.recordEvents([event(2, 'escalation_sent')], { ...opened, lastSequence: 2 });

    expect(stale.written).toEqual([]);
    expect(await dataSource.getRepository(CaseEscalationEntity).countBy({ caseNumber })).toBe(2);
    expect(await dataSource.getRepository(CaseInterviewEntity).countBy({ caseNumber })).toBe(1);
  });

  it('fills the tables from existing cases on migration', async () => {
    const database = await createPrivateDatabase('details');
    const privateSource = await createDataSource({ url: database.url, poolSize: 1 }).initialize();
    try {
      const opened = openedState(uniqueCaseNumber('DT'));
      await new CaseProjectionRepository(privateSource).recordEvents([event(1, 'case_opened')], opened);
      await new CaseProjectionRepository(privateSource).recordEvents(
        [event(2, 'escalation_sent')],
        escalatedState(opened),
      );
      const migration = new DetailTablesMigration();
      const runner = privateSource.createQueryRunner();

      await migration.down(runner);
      await migration.up(runner);
      await runner.release();

      const caseNumber = opened.caseNumber;
      expect(await privateSource.getRepository(CaseClockEntity).countBy({ caseNumber })).toBe(
        Object.keys(opened.clocks).length,
      );
      const escalations = await privateSource
        .getRepository(CaseEscalationEntity)
        .find({ where: { caseNumber }, order: { sentAt: 'ASC' } });
      expect(escalations.map((e) => [e.escalationId, e.acknowledgeBy?.toISOString() ?? null])).toEqual([
        ['supervisory_letter@2025-11-28', '2025-12-03T16:00:00.000Z'],
        ['interview@2025-11-28', null],
      ]);
      const interviews = await privateSource.getRepository(CaseInterviewEntity).findBy({ caseNumber });
      expect(interviews.map((i) => [i.ordinal, i.commitment])).toEqual([[1, '十日内完成整改']]);
      const exposure = await privateSource.getRepository(CaseExposureEntity).findOneByOrFail({ caseNumber });
      expect(exposure.status).toBe('published');
    } finally {
      await privateSource.destroy();
      await database.drop();
    }
  });
});
