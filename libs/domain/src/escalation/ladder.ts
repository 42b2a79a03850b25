import type { CaseStage } from '../case/stage';
import { parentJurisdictionCodes } from '../identifiers/jurisdiction-code';
import {
  CLOCK_LABELS,
  currentDeadline,
  isFinal,
  type CaseState,
  type ClockId,
  type EscalationKind,
  type EscalationState,
} from '../lifecycle/case-state';
import { settleClock, startClock } from '../lifecycle/clocks';
import type { NotificationDraft, Recipient } from '../lifecycle/notifications';
import {
  supervisingGovernmentCode,
  type EventDraft,
  type Transition,
  type TransitionContext,
} from '../lifecycle/transitions';
import { instantAfter, instantBefore } from './offsets';
import { describeOffset } from './policy';

/** Stages in which the unit still owes the rectification, so the ladder of the deadline runs. */
const LADDER_STAGES: readonly CaseStage[] = ['notice_served', 'reported', 'listed', 'rectifying'];

export type RungKind = 'reminder' | 'overdue_notice' | EscalationKind;

/** One step of the ladder for the deadline in force, with the instant it falls on. */
export interface Rung {
  readonly id: string;
  readonly kind: RungKind;
  readonly at: number;
  readonly label: { readonly zh: string; readonly en: string };
}

/** Statutory clocks whose lapse the brigade leader hears about. */
const BRIGADE_CLOCKS: readonly ClockId[] = ['handling_opinion', 'notice', 'report', 'reinspection'];

/** Returns the ladder of the deadline in force, in time order, or nothing when no deadline runs. */
export function ladderRungs(state: CaseState, context: Pick<TransitionContext, 'calendar'>): Rung[] {
  const deadline = currentDeadline(state);
  const clock = state.clocks.rectification;
  if (!deadline || !clock) return [];
  const deadlineAt = Date.parse(clock.dueAt);
  const policy = state.policy;
  const rungs: Rung[] = policy.remindersBefore.map((offset) => {
    const span = describeOffset(offset);
    return {
      id: `reminder:${offset.amount}${offset.unit}@${deadline}`,
      kind: 'reminder' as const,
      at: instantBefore(context.calendar, deadline, deadlineAt, offset),
      label: { zh: `期限前 ${span.zh} 提醒`, en: `reminder ${span.en} before the deadline` },
    };
  });
  rungs.push({
    id: `overdue_notice@${deadline}`,
    kind: 'overdue_notice',
    at: deadlineAt,
    label: { zh: '逾期通知', en: 'overdue notice' },
  });
  const after: [EscalationKind, typeof policy.supervisoryLetterAfter, string, string][] = [
    ['supervisory_letter', policy.supervisoryLetterAfter, '督办函', 'supervisory letter'],
    ['interview', policy.interviewAfter, '约谈', 'interview'],
    ['exposure_proposal', policy.exposureProposalAfter, '曝光提议', 'media exposure proposal'],
    [
      'higher_level_report',
      policy.higherLevelReportAfter,
      '报告上级政府并提议提级挂牌',
      'report to the next-higher government',
    ],
  ];
  for (const [kind, offset, zh, en] of after) {
    const span = describeOffset(offset);
    rungs.push({
      id: `${kind}@${deadline}`,
      kind,
      at: instantAfter(context.calendar, deadlineAt, offset),
      label: { zh: `逾期 ${span.zh} 后${zh}`, en: `${en} ${span.en} after the deadline` },
    });
  }
  return rungs.sort((a, b) => a.at - b.at);
}

function ladderRuns(state: CaseState): boolean {
  return !isFinal(state) && LADDER_STAGES.includes(state.stage);
}

/** Returns the next instant at which the passing of time changes the case, or undefined when none is pending. */
export function nextWakeAt(state: CaseState, context: Pick<TransitionContext, 'calendar'>): number | undefined {
  const instants: number[] = [];
  if (ladderRuns(state)) {
    for (const rung of ladderRungs(state, context)) if (!state.rungs[rung.id]) instants.push(rung.at);
  }
  if (!isFinal(state) && state.stage !== 'suspended') {
    for (const escalation of state.escalations) {
      if (!escalation.acknowledgedAt && escalation.acknowledgeBy !== '')
        instants.push(Date.parse(escalation.acknowledgeBy));
    }
    for (const id of BRIGADE_CLOCKS) {
      const clock = state.clocks[id];
      if (clock?.status === 'running') instants.push(Date.parse(clock.dueAt));
    }
    const progress = state.clocks.progress_report;
    if (progress?.status === 'running' && ['listed', 'rectifying'].includes(state.stage)) {
      instants.push(instantAfter(context.calendar, Date.parse(progress.dueAt), state.policy.progressReportGrace));
    }
  }
  const seal = state.clocks.seal;
  if (seal?.status === 'running') instants.push(Date.parse(seal.dueAt));
  const takedown = state.exposure?.status === 'published' ? state.exposure.takedownAt : undefined;
  if (takedown) instants.push(Date.parse(takedown));
  return instants.length === 0 ? undefined : Math.min(...instants);
}

/**
 * Fires everything that falls due by `context.now`, in time order: reminders and escalation rungs,
 * re-sends and climbs of unacknowledged escalations, missed statutory clocks and progress reports,
 * seal expiry and exposure takedown. Rungs that fell before an imported case's import are recorded as
 * passed, without notifications.
 */
export function advanceTime(state: CaseState, context: TransitionContext): Transition {
  const events: EventDraft[] = [];
  let current = state;
  for (let guard = 0; guard < 100; guard++) {
    const wake = nextWakeAt(current, context);
    if (wake === undefined || wake > context.now) break;
    const step = fireDue(current, wake, context);
    current = step.state;
    events.push(...step.events);
  }
  return { state: current, events };
}

/**
 * Fires what falls due at exactly `at`. Anything sent is stamped with the time it is actually sent
 * (`context.now`), which is later than `at` when the workflow catches up after an outage or an import.
 */
function fireDue(state: CaseState, at: number, context: TransitionContext): Transition {
  if (ladderRuns(state)) {
    const rung = ladderRungs(state, context).find((r) => r.at === at && !state.rungs[r.id]);
    if (rung) return fireRung(state, rung, context);
  }
  const escalation = state.escalations.find(
    (e) => !e.acknowledgedAt && e.acknowledgeBy !== '' && Date.parse(e.acknowledgeBy) === at,
  );
  if (escalation) return chaseEscalation(state, escalation, context);
  for (const id of BRIGADE_CLOCKS) {
    const clock = state.clocks[id];
    if (clock?.status === 'running' && Date.parse(clock.dueAt) === at) return missStatutoryClock(state, id, context);
  }
  const progress = state.clocks.progress_report;
  if (
    progress?.status === 'running' &&
    instantAfter(context.calendar, Date.parse(progress.dueAt), state.policy.progressReportGrace) === at
  ) {
    return missProgressReport(state, context);
  }
  const seal = state.clocks.seal;
  if (seal?.status === 'running' && Date.parse(seal.dueAt) === at) return expireSeal(state, context);
  if (
    state.exposure?.status === 'published' &&
    state.exposure.takedownAt &&
    Date.parse(state.exposure.takedownAt) === at
  ) {
    const exposure = { ...state.exposure, status: 'taken_down' as const, takenDownAt: new Date(at).toISOString() };
    return { state: { ...state, exposure }, events: [{ type: 'exposure_taken_down', data: {}, notifications: [] }] };
  }
  throw new Error(`nothing falls due at ${new Date(at).toISOString()} although nextWakeAt returned it`);
}

function role(
  jurisdictionCode: string,
  roleName: 'brigade_leader' | 'government_leader' | 'government_officer',
): Recipient {
  return { kind: 'role', jurisdictionCode, role: roleName };
}

function unit(state: CaseState): Recipient {
  return {
    kind: 'unit',
    jurisdictionCode: state.opening.jurisdictionCode,
    unitCreditCode: state.opening.responsibleUnit.creditCode,
  };
}

function fireRung(state: CaseState, rung: Rung, context: TransitionContext): Transition {
  const at = new Date(context.now).toISOString();
  const rungs = { ...state.rungs };
  if (state.imported && rung.at < Date.parse(state.imported.at) && !isLatestRungBeforeImport(state, rung, context)) {
    const scheduledAt = new Date(rung.at).toISOString();
    rungs[rung.id] = { at: scheduledAt, sent: false };
    let next: CaseState = { ...state, rungs };
    if (rung.kind === 'overdue_notice') next = markOverdue(next, scheduledAt);
    return {
      state: next,
      events: [
        { type: 'rung_passed_before_import', data: { rung: rung.id, kind: rung.kind, scheduledAt }, notifications: [] },
      ],
    };
  }
  rungs[rung.id] = { at, sent: true };
  const deadline = currentDeadline(state) ?? '';
  const government = supervisingGovernmentCode(state);
  const base = { ...state, rungs };
  switch (rung.kind) {
    case 'reminder':
      return {
        state: base,
        events: [
          {
            type: 'reminder_sent',
            data: { rung: rung.id, deadline, scheduledAt: new Date(rung.at).toISOString() },
            notifications: [
              {
                topic: 'reminder',
                recipient: unit(state),
                text: {
                  zh: `提醒：案件 ${state.caseNumber} 的整改期限为 ${deadline}，请按期完成整改并申请复查`,
                  en: `Reminder: case ${state.caseNumber} must be rectified by ${deadline}; apply for reinspection when done`,
                },
              },
            ],
          },
        ],
      };
    case 'overdue_notice': {
      const text = {
        zh: `案件 ${state.caseNumber}（${state.opening.responsibleUnit.name}）已超过整改期限 ${deadline}，尚未整改完毕`,
        en: `Case ${state.caseNumber} (${state.opening.responsibleUnit.name}) passed its rectification deadline ${deadline} without completing rectification`,
      };
      const notifications: NotificationDraft[] = [
        { topic: 'overdue_notice', recipient: unit(state), text },
        { topic: 'overdue_notice', recipient: role(state.opening.jurisdictionCode, 'brigade_leader'), text },
        { topic: 'overdue_notice', recipient: role(government, 'government_leader'), text },
      ];
      return {
        state: markOverdue(base, at),
        events: [
          {
            type: 'overdue_notice_sent',
            data: { rung: rung.id, deadline, scheduledAt: new Date(rung.at).toISOString() },
            notifications,
          },
        ],
      };
    }
    default:
      return sendEscalation(base, rung, context);
  }
}

/**
 * True for the last rung that fell before an imported case's import: the case is at that rung, so
 * it is sent at import while the earlier ones are only recorded as passed.
 */
function isLatestRungBeforeImport(state: CaseState, rung: Rung, context: TransitionContext): boolean {
  const importedAt = Date.parse(state.imported?.at ?? '');
  return !ladderRungs(state, context).some((other) => other.at > rung.at && other.at < importedAt);
}

function markOverdue(state: CaseState, at: string): CaseState {
  const clock = state.clocks.rectification;
  if (!clock || clock.status !== 'running') return state;
  return { ...state, clocks: { ...state.clocks, rectification: settleClock(clock, 'missed', at) } };
}

const ESCALATION_TEXT: Record<EscalationKind, (state: CaseState, deadline: string) => { zh: string; en: string }> = {
  supervisory_letter: (state, deadline) => ({
    zh: `督办函：案件 ${state.caseNumber}（${state.opening.responsibleUnit.name}）逾期未整改（期限 ${deadline}），请督促整改并签收`,
    en: `Supervisory letter: case ${state.caseNumber} (${state.opening.responsibleUnit.name}) is overdue (deadline ${deadline}); press for rectification and acknowledge`,
  }),
  interview: (state, deadline) => ({
    zh: `约谈提示：案件 ${state.caseNumber} 逾期未整改（期限 ${deadline}），请约谈责任单位主要负责人并记录约谈情况`,
    en: `Interview due: case ${state.caseNumber} is overdue (deadline ${deadline}); summon the unit's principal person and record the interview`,
  }),
  exposure_proposal: (state, deadline) => ({
    zh: `曝光提议：案件 ${state.caseNumber} 逾期未整改（期限 ${deadline}），请审批是否予以媒体曝光`,
    en: `Media exposure proposed: case ${state.caseNumber} is overdue (deadline ${deadline}); approve or reject publication`,
  }),
  higher_level_report: (state, deadline) => ({
    zh: `案件 ${state.caseNumber} 逾期已久（期限 ${deadline}），报请上级政府督办，并提议提高挂牌级别`,
    en: `Case ${state.caseNumber} has long been overdue (deadline ${deadline}); reported to the next-higher government with a proposal to raise the listing level`,
  }),
};

function sendEscalation(state: CaseState, rung: Rung, context: TransitionContext): Transition {
  const kind = rung.kind as EscalationKind;
  const government = supervisingGovernmentCode(state);
  const jurisdictionCode =
    kind === 'higher_level_report' ? (parentJurisdictionCodes(government)[0] ?? government) : government;
  const escalation: EscalationState = {
    id: rung.id,
    kind,
    jurisdictionCode,
    sentAt: new Date(context.now).toISOString(),
    acknowledgeBy: new Date(
      instantAfter(context.calendar, context.now, state.policy.acknowledgementWithin),
    ).toISOString(),
    resends: 0,
    climbs: 0,
  };
  const text = ESCALATION_TEXT[kind](state, currentDeadline(state) ?? '');
  const recipients: Recipient[] =
    kind === 'interview'
      ? [role(jurisdictionCode, 'government_officer'), role(jurisdictionCode, 'government_leader')]
      : [role(jurisdictionCode, 'government_leader')];
  const notifications = recipients.map((recipient) => ({ topic: kind, recipient, escalationId: escalation.id, text }));
  let next: CaseState = { ...state, escalations: [...state.escalations, escalation] };
  if (kind === 'exposure_proposal' && !state.exposure) {
    next = { ...next, exposure: { status: 'proposed', proposedAt: escalation.sentAt } };
  }
  return {
    state: next,
    events: [
      { type: 'escalation_sent', data: { escalation, scheduledAt: new Date(rung.at).toISOString() }, notifications },
    ],
  };
}

function chaseEscalation(state: CaseState, escalation: EscalationState, context: TransitionContext): Transition {
  const now = new Date(context.now).toISOString();
  const acknowledgeBy = new Date(
    instantAfter(context.calendar, context.now, state.policy.acknowledgementWithin),
  ).toISOString();
  const text = ESCALATION_TEXT[escalation.kind](state, currentDeadline(state) ?? '');
  const replace = (updated: EscalationState): CaseState => ({
    ...state,
    escalations: state.escalations.map((e) => (e.id === escalation.id ? updated : e)),
  });
  if (escalation.resends < state.policy.resendsBeforeClimbing) {
    const updated = { ...escalation, resends: escalation.resends + 1, acknowledgeBy };
    return {
      state: replace(updated),
      events: [
        {
          type: 'escalation_resent',
          data: { escalationId: escalation.id, resends: updated.resends, acknowledgeBy },
          notifications: [
            {
              topic: 'escalation_resent',
              recipient: role(escalation.jurisdictionCode, 'government_leader'),
              escalationId: escalation.id,
              text: { zh: `（未签收，再次发送）${text.zh}`, en: `(Not acknowledged; sent again) ${text.en}` },
            },
          ],
        },
      ],
    };
  }
  const parent = parentJurisdictionCodes(escalation.jurisdictionCode)[0];
  if (parent === undefined) {
    const updated = { ...escalation, acknowledgeBy: '' };
    return {
      state: replace(updated),
      events: [{ type: 'escalation_unanswered', data: { escalationId: escalation.id, at: now }, notifications: [] }],
    };
  }
  const updated = { ...escalation, jurisdictionCode: parent, resends: 0, climbs: escalation.climbs + 1, acknowledgeBy };
  return {
    state: replace(updated),
    events: [
      {
        type: 'escalation_climbed',
        data: { escalationId: escalation.id, from: escalation.jurisdictionCode, to: parent, acknowledgeBy },
        notifications: [
          {
            topic: 'escalation_climbed',
            recipient: role(parent, 'government_leader'),
            escalationId: escalation.id,
            text: {
              zh: `（下级政府未签收，上报一级）${text.zh}`,
              en: `(Not acknowledged by the government below; raised one level) ${text.en}`,
            },
          },
        ],
      },
    ],
  };
}

function missStatutoryClock(state: CaseState, id: ClockId, context: TransitionContext): Transition {
  const clock = state.clocks[id];
  if (!clock) return { state, events: [] };
  const at = new Date(context.now).toISOString();
  const label = CLOCK_LABELS[id];
  const next: CaseState = { ...state, clocks: { ...state.clocks, [id]: settleClock(clock, 'missed', at) } };
  return {
    state: next,
    events: [
      {
        type: 'statutory_clock_missed',
        data: { clock: id, due: clock.due },
        notifications: [
          {
            topic: 'statutory_clock_missed',
            recipient: role(state.opening.jurisdictionCode, 'brigade_leader'),
            text: {
              zh: `案件 ${state.caseNumber} 的法定时限“${label.zh}”已于 ${clock.due} 届满而未完成`,
              en: `Case ${state.caseNumber} missed its statutory limit for the ${label.en}, due ${clock.due}`,
            },
          },
        ],
      },
    ],
  };
}

function missProgressReport(state: CaseState, context: TransitionContext): Transition {
  const clock = state.clocks.progress_report;
  if (!clock || clock.basis.kind !== 'months') return { state, events: [] };
  const following = startClock(context.calendar, 'progress_report', { ...clock.basis, from: clock.due });
  const next: CaseState = { ...state, clocks: { ...state.clocks, progress_report: following } };
  return {
    state: next,
    events: [
      {
        type: 'progress_report_missed',
        data: { due: clock.due, nextDue: following.due },
        notifications: [
          {
            topic: 'progress_report_missed',
            recipient: role(state.opening.jurisdictionCode, 'brigade_leader'),
            text: {
              zh: `案件 ${state.caseNumber} 的责任单位未按期（${clock.due}）报送整改进展报告`,
              en: `The unit of case ${state.caseNumber} missed its progress report due ${clock.due}`,
            },
          },
          {
            topic: 'progress_report_missed',
            recipient: unit(state),
            text: {
              zh: `案件 ${state.caseNumber} 的整改进展报告已逾期（${clock.due}），请尽快报送；下次报告期限 ${following.due}`,
              en: `The progress report of case ${state.caseNumber} due ${clock.due} is overdue; send it now. The next one is due ${following.due}`,
            },
          },
        ],
      },
    ],
  };
}

function expireSeal(state: CaseState, context: TransitionContext): Transition {
  const clock = state.clocks.seal;
  const at = new Date(context.now).toISOString();
  const seals = state.seals.map((seal) =>
    seal.status === 'active' ? { ...seal, status: 'expired' as const, endedAt: at } : seal,
  );
  const next: CaseState = {
    ...state,
    seals,
    clocks: { ...state.clocks, ...(clock ? { seal: settleClock(clock, 'met', at) } : {}) },
  };
  return {
    state: next,
    events: [
      {
        type: 'seal_expired',
        data: { expiresOn: clock?.due },
        notifications: [
          {
            topic: 'seal_expired',
            recipient: role(state.opening.jurisdictionCode, 'brigade_leader'),
            text: {
              zh: `案件 ${state.caseNumber} 的临时查封已于 ${clock?.due ?? ''} 期满；隐患未消除的，可依法重新查封`,
              en: `The temporary seal of case ${state.caseNumber} ended on ${clock?.due ?? ''}; seal again if the hazard remains`,
            },
          },
        ],
      },
    ],
  };
}
