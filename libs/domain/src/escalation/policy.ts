/**
 * Escalation policies are versioned data: the offsets of reminders before a deadline and of each
 * escalation rung after it. Production policies count in working days and months; test and benchmark
 * policies use minutes, so a whole ladder runs on a real server in minutes.
 */
export type Offset =
  | { readonly unit: 'working_days'; readonly amount: number }
  | { readonly unit: 'calendar_days'; readonly amount: number }
  | { readonly unit: 'months'; readonly amount: number }
  | { readonly unit: 'hours'; readonly amount: number }
  | { readonly unit: 'minutes'; readonly amount: number };

export interface EscalationPolicy {
  readonly id: string;
  readonly version: number;
  readonly description: string;
  /** Reminders to the unit before the rectification deadline, farthest first. */
  readonly remindersBefore: readonly Offset[];
  /** After the deadline: the supervisory letter (督办函) to the listing government. */
  readonly supervisoryLetterAfter: Offset;
  /** After the deadline: an interview (约谈) of the unit's principal person. */
  readonly interviewAfter: Offset;
  /** After the deadline: a proposal to expose the case in the media (曝光), which a leader approves. */
  readonly exposureProposalAfter: Offset;
  /** After the deadline: report to the next-higher government with a proposal to raise the listing level. */
  readonly higherLevelReportAfter: Offset;
  /** A published exposure is taken down this long after the case closes. */
  readonly exposureTakedownAfterClosure: Offset;
  /** Every escalation to a leader must be acknowledged within this span. */
  readonly acknowledgementWithin: Offset;
  /** Times an unacknowledged escalation is re-sent before it climbs one level. */
  readonly resendsBeforeClimbing: number;
  /** Missed progress reports escalate to the brigade leader after this grace. */
  readonly progressReportGrace: Offset;
}

/** The default ladder, in working days and months as the rules and practice suggest. */
export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  id: 'default',
  version: 1,
  description:
    'Reminders 15, 7, 3 and 1 working days before; letter after 5, interview after 15, exposure proposal after 30 working days; higher level after 6 months',
  remindersBefore: [
    { unit: 'working_days', amount: 15 },
    { unit: 'working_days', amount: 7 },
    { unit: 'working_days', amount: 3 },
    { unit: 'working_days', amount: 1 },
  ],
  supervisoryLetterAfter: { unit: 'working_days', amount: 5 },
  interviewAfter: { unit: 'working_days', amount: 15 },
  exposureProposalAfter: { unit: 'working_days', amount: 30 },
  higherLevelReportAfter: { unit: 'months', amount: 6 },
  exposureTakedownAfterClosure: { unit: 'calendar_days', amount: 30 },
  acknowledgementWithin: { unit: 'working_days', amount: 3 },
  resendsBeforeClimbing: 1,
  progressReportGrace: { unit: 'working_days', amount: 5 },
};

/** A policy whose rungs are minutes apart, for tests, fault suites and benchmarks on a real server. */
export const MINUTES_ESCALATION_POLICY: EscalationPolicy = {
  id: 'minutes',
  version: 1,
  description:
    'Test ladder: reminders 3 and 1 minutes before; letter 2, interview 4, exposure 6, higher level 8 minutes after',
  remindersBefore: [
    { unit: 'minutes', amount: 3 },
    { unit: 'minutes', amount: 1 },
  ],
  supervisoryLetterAfter: { unit: 'minutes', amount: 2 },
  interviewAfter: { unit: 'minutes', amount: 4 },
  exposureProposalAfter: { unit: 'minutes', amount: 6 },
  higherLevelReportAfter: { unit: 'minutes', amount: 8 },
  exposureTakedownAfterClosure: { unit: 'minutes', amount: 5 },
  acknowledgementWithin: { unit: 'minutes', amount: 1 },
  resendsBeforeClimbing: 1,
  progressReportGrace: { unit: 'minutes', amount: 1 },
};

export function describeOffset(offset: Offset): { zh: string; en: string } {
  const zhUnits = { working_days: '个工作日', calendar_days: '日', months: '个月', hours: '小时', minutes: '分钟' };
  const enUnits = {
    working_days: 'working day',
    calendar_days: 'day',
    months: 'month',
    hours: 'hour',
    minutes: 'minute',
  };
  const en = `${offset.amount} ${enUnits[offset.unit]}${offset.amount === 1 ? '' : 's'}`;
  return { zh: `${offset.amount}${zhUnits[offset.unit]}`, en };
}
