import { randomUUID } from 'node:crypto';

import type { DataSource } from 'typeorm';

import {
  DEFAULT_ESCALATION_POLICY,
  OFFICIAL_SCHEDULES,
  openedCaseState,
  SYSTEM_ACTOR,
  WorkingCalendar,
  type CaseOpening,
  type NotificationDraft,
  type Recipient,
} from '@duban/domain';
import { CaseProjectionRepository } from '@duban/persistence';

/** Credit code of the responsible unit of every seeded case. */
export const SEEDED_UNIT = '91350100M000100Y43';
export const SEEDED_JURISDICTION = '430102';

const calendar = WorkingCalendar.fromSchedules(OFFICIAL_SCHEDULES);

/** Recipients of seeded notifications, in turn: the unit, the government leader, the brigade leader. */
export const SEEDED_RECIPIENTS: readonly Recipient[] = [
  { kind: 'unit', jurisdictionCode: SEEDED_JURISDICTION, unitCreditCode: SEEDED_UNIT },
  { kind: 'role', jurisdictionCode: SEEDED_JURISDICTION, role: 'government_leader' },
  { kind: 'role', jurisdictionCode: SEEDED_JURISDICTION, role: 'brigade_leader' },
];

/**
 * Opens a case in the read model through the real projection, with `count` notifications on its
 * opening event, and returns their keys. The recipients cycle through SEEDED_RECIPIENTS.
 */
export async function seedNotifications(dataSource: DataSource, count: number, prefix = 'N'): Promise<string[]> {
  const caseNumber = `${prefix}-${randomUUID().slice(0, 13)}`;
  const opening: CaseOpening = {
    caseNumber,
    responsibleUnit: { name: '某某宾馆有限公司', creditCode: SEEDED_UNIT },
    jurisdictionCode: SEEDED_JURISDICTION,
    placeType: 'hotel',
    address: '长沙市芙蓉区某某路 1 号',
    discoveredOn: '2025-09-26',
    discoverySource: 'inspection',
    hazardItems: [{ description: '自动喷水灭火系统未保持正常运行', location: '地下一层' }],
  };
  const occurredAt = '2025-09-26T02:00:00.000Z';
  const state = openedCaseState(opening, occurredAt, DEFAULT_ESCALATION_POLICY, { calendar });
  const notifications: NotificationDraft[] = Array.from({ length: count }, (_, index) => ({
    topic: 'overdue_notice',
    recipient: SEEDED_RECIPIENTS[index % SEEDED_RECIPIENTS.length] as Recipient,
    text: { zh: `案件 ${caseNumber} 已逾期（第 ${index} 条）`, en: `Case ${caseNumber} is overdue (number ${index})` },
  }));
  await new CaseProjectionRepository(dataSource).recordEvents(
    [
      {
        sequence: 1,
        type: 'case_opened',
        occurredAt,
        actor: SYSTEM_ACTOR,
        data: { opening, openingHash: 'c'.repeat(64) },
        notifications,
      },
    ],
    { ...state, lastSequence: 1 },
  );
  return notifications.map((_, index) => `${caseNumber}/1/${index}`);
}

/** An address book with addresses for the unit and the government leader, but none for the brigade leader. */
export const ADDRESS_BOOK = {
  roles: [
    { role: 'government_leader', jurisdictionCode: SEEDED_JURISDICTION, emails: ['leader@furong.example.gov.cn'] },
  ],
  units: [{ unitCreditCode: SEEDED_UNIT, emails: ['safety@hotel.example.com'] }],
};
