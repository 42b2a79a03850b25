import {
  deadlineAfterCalendarDays,
  deadlineAfterElapsedTime,
  deadlineAfterWorkingDays,
  type Deadline,
  type ElapsedTimeUnit,
} from './deadline';
import type { DeadlineExplanation } from './explanation';
import { chinaDateOf } from '../time/china-date';
import { parseInstant } from './calendar-date';
import type { WorkingCalendar } from './working-calendar';

/**
 * Length of a clock. Production rules use days. Elapsed units exist so that tests, fault suites and
 * benchmarks can run a policy whose clocks are minutes or seconds long on a real server.
 */
export type ClockDuration =
  | { readonly unit: 'working_days'; readonly amount: number }
  | { readonly unit: 'calendar_days'; readonly amount: number; readonly rollForward: boolean }
  | { readonly unit: ElapsedTimeUnit; readonly amount: number };

/** Start of a clock: a China calendar date, or an instant, which elapsed units require. */
export type ClockStart = { readonly date: string } | { readonly instant: string | Date };

/** One clock of a policy: how long it runs, what starts it and what must happen before it ends. */
export interface ClockRule {
  readonly duration: ClockDuration;
  /** Action due by the deadline. */
  readonly action: DeadlineExplanation;
  /** The event the period is counted from. */
  readonly startsFrom: DeadlineExplanation;
  /** The provision that sets the period. */
  readonly legalBasis: string;
}

export const STATUTORY_CLOCK_IDS = [
  'handling_opinion',
  'handling_opinion_with_expert_review',
  'rectification_notice',
  'reinspection',
  'temporary_seal',
] as const;

export type StatutoryClockId = (typeof STATUTORY_CLOCK_IDS)[number];

/** A full set of clock rules. Test policies replace the durations and keep the rest. */
export type ClockPolicy = Readonly<Record<StatutoryClockId, ClockRule>>;

const FIRE_INSPECTION_PROVISIONS = '消防监督检查规定（公安部令第107号，2012年公安部令第120号修订）';

/** The statutory clocks of major fire hazard cases, in working days except the temporary seal. */
export const STATUTORY_CLOCKS: ClockPolicy = {
  handling_opinion: {
    duration: { unit: 'working_days', amount: 7 },
    action: {
      zh: '提出处理意见，由上级机关书面报告本级人民政府',
      en: 'handling opinion made and reported in writing to the people’s government at the same level',
    },
    startsFrom: { zh: '检查之日', en: 'the day of the inspection' },
    legalBasis: `${FIRE_INSPECTION_PROVISIONS} 第二十一条`,
  },
  handling_opinion_with_expert_review: {
    duration: { unit: 'working_days', amount: 17 },
    action: {
      zh: '经专家论证后提出处理意见，由上级机关书面报告本级人民政府（期限延长 10 个工作日）',
      en: 'handling opinion made after expert review (专家论证) and reported to the government, with the period extended by 10 working days',
    },
    startsFrom: { zh: '检查之日', en: 'the day of the inspection' },
    legalBasis: `${FIRE_INSPECTION_PROVISIONS} 第二十一条`,
  },
  rectification_notice: {
    duration: { unit: 'working_days', amount: 3 },
    action: {
      zh: '制作并送达重大火灾隐患整改通知书',
      en: 'major fire hazard rectification notice (重大火灾隐患整改通知书) made and served',
    },
    startsFrom: { zh: '集体讨论判定之日', en: 'the day of the collective determination' },
    legalBasis: `${FIRE_INSPECTION_PROVISIONS} 第二十一条`,
  },
  reinspection: {
    duration: { unit: 'working_days', amount: 3 },
    action: { zh: '复查', en: 'reinspection (复查)' },
    startsFrom: {
      zh: '收到单位复查申请之日或整改期限届满之日',
      en: 'the day the unit’s reinspection application is received, or the day the rectification deadline expires',
    },
    legalBasis: `${FIRE_INSPECTION_PROVISIONS} 第二十条`,
  },
  temporary_seal: {
    duration: { unit: 'calendar_days', amount: 30, rollForward: false },
    action: {
      zh: '临时查封期满（最长期限，不顺延）',
      en: 'end of the temporary seal (临时查封), a maximum period that is never moved',
    },
    startsFrom: { zh: '查封之日', en: 'the day of the seal' },
    legalBasis: FIRE_INSPECTION_PROVISIONS,
  },
};

/**
 * Computes the deadline of a clock from its start. Periods in days count from the China calendar date
 * of the start. Elapsed periods need an instant, so they throw a RangeError when given only a date.
 */
export function computeClockDeadline(calendar: WorkingCalendar, duration: ClockDuration, start: ClockStart): Deadline {
  switch (duration.unit) {
    case 'working_days':
      return deadlineAfterWorkingDays(calendar, startDate(start), duration.amount);
    case 'calendar_days':
      return deadlineAfterCalendarDays(calendar, startDate(start), duration.amount, {
        rollForward: duration.rollForward,
      });
    case 'hours':
    case 'minutes':
    case 'seconds':
      if (!('instant' in start)) {
        throw new RangeError(`a clock in ${duration.unit} needs a start instant, not only the date ${start.date}`);
      }
      return deadlineAfterElapsedTime(start.instant, duration.amount, duration.unit);
  }
}

function startDate(start: ClockStart): string {
  if ('date' in start) return start.date;
  return chinaDateOf(new Date(parseInstant(start.instant, 'start.instant')));
}
