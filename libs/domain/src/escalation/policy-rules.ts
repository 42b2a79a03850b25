import type { EscalationPolicy, Offset } from './policy';

/** The rules an escalation policy must follow, beyond the shape of its fields. */
export type PolicyRule = 'offsetPositive' | 'remindersDescending' | 'rungOrder';

/** One broken rule: `field` is the path inside the policy, such as `remindersBefore[1]` or `interviewAfter`. */
export interface PolicyRuleViolation {
  readonly field: string;
  readonly rule: PolicyRule;
  readonly params: Readonly<Record<string, unknown>>;
}

export type PolicyOffsets = Omit<EscalationPolicy, 'id' | 'version' | 'description'>;

/** The rungs after the deadline, in the order they must fire. */
export const RUNG_ORDER = [
  'supervisoryLetterAfter',
  'interviewAfter',
  'exposureProposalAfter',
  'higherLevelReportAfter',
] as const;

const SINGLE_OFFSETS = [
  ...RUNG_ORDER,
  'exposureTakedownAfterClosure',
  'acknowledgementWithin',
  'progressReportGrace',
] as const;

const MINUTES_PER_DAY = 1440;
/** Day-based rungs fire at 09:00 China Standard Time, 540 minutes into the day. */
const NOTIFY_MINUTE = 9 * 60;

interface Bounds {
  readonly scale: 'days' | 'minutes';
  readonly low: number;
  readonly high: number;
}

/**
 * Returns the shortest and longest span an offset can cover. Day-based offsets fire at 09:00 on the day
 * reached, so they count in days. Minute and hour offsets count in minutes.
 *
 * NOTE: the working-day and month bounds are conservative estimates, not calendar lookups. A working day
 * is taken as at least one and at most 1.5 calendar days plus 10 days of holidays, and a month as 28 to
 * 31 days. Offsets of different units are ordered only when these bounds cannot overlap.
 */
function boundsOf(offset: Offset): Bounds {
  const amount = offset.amount;
  switch (offset.unit) {
    case 'minutes':
      return { scale: 'minutes', low: amount, high: amount };
    case 'hours':
      return { scale: 'minutes', low: amount * 60, high: amount * 60 };
    case 'calendar_days':
      return { scale: 'days', low: amount, high: amount };
    case 'working_days':
      return { scale: 'days', low: amount, high: Math.ceil(amount * 1.5) + 10 };
    case 'months':
      return { scale: 'days', low: amount * 28, high: amount * 31 };
  }
}

/**
 * Converts day bounds to minutes. A day-based offset of d days fires at 09:00 on the d-th China date after
 * its reference instant, so it lies between (d - 1) days plus 9 hours and d days plus 9 hours after it.
 */
function inMinutes(bounds: Bounds): Bounds {
  if (bounds.scale === 'minutes') return bounds;
  return {
    scale: 'minutes',
    low: Math.max(0, bounds.low - 1) * MINUTES_PER_DAY + NOTIFY_MINUTE,
    high: bounds.high * MINUTES_PER_DAY + NOTIFY_MINUTE,
  };
}

/** Tells whether `earlier` always ends before `later` when both count from the same instant. */
export function isSurelyShorter(earlier: Offset, later: Offset): boolean {
  if (earlier.unit === later.unit) return earlier.amount < later.amount;
  let first = boundsOf(earlier);
  let second = boundsOf(later);
  if (first.scale !== second.scale) {
    first = inMinutes(first);
    second = inMinutes(second);
  }
  return first.high < second.low;
}

/**
 * Checks the rules of an escalation policy and returns every rule it breaks, or an empty list:
 * - every offset is a whole number above 0, so no rung fires the moment its reference passes and no re-send
 *   repeats at once;
 * - reminders come farthest first, each strictly closer to the deadline than the one before;
 * - the supervisory letter comes before the interview, the interview before the exposure proposal,
 *   and that before the report to the higher government.
 */
function isPositiveWholeNumber(amount: number): boolean {
  return Number.isInteger(amount) && amount > 0;
}

export function checkEscalationPolicy(policy: PolicyOffsets): PolicyRuleViolation[] {
  const violations: PolicyRuleViolation[] = [];
  for (const [index, reminder] of policy.remindersBefore.entries()) {
    if (!isPositiveWholeNumber(reminder.amount)) {
      violations.push({ field: `remindersBefore[${index}].amount`, rule: 'offsetPositive', params: {} });
    }
  }
  for (const name of SINGLE_OFFSETS) {
    if (!isPositiveWholeNumber(policy[name].amount))
      violations.push({ field: `${name}.amount`, rule: 'offsetPositive', params: {} });
  }
  for (let index = 1; index < policy.remindersBefore.length; index += 1) {
    const previous = policy.remindersBefore[index - 1] as Offset;
    const current = policy.remindersBefore[index] as Offset;
    if (!isSurelyShorter(current, previous)) {
      violations.push({
        field: `remindersBefore[${index}]`,
        rule: 'remindersDescending',
        params: { previous: `remindersBefore[${index - 1}]` },
      });
    }
  }
  for (let index = 1; index < RUNG_ORDER.length; index += 1) {
    const earlier = RUNG_ORDER[index - 1] as (typeof RUNG_ORDER)[number];
    const later = RUNG_ORDER[index] as (typeof RUNG_ORDER)[number];
    if (!isSurelyShorter(policy[earlier], policy[later])) {
      violations.push({ field: later, rule: 'rungOrder', params: { earlier } });
    }
  }
  return violations;
}
