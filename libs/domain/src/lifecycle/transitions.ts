import type { Actor } from '../case/actor';
import type { CaseEventType } from '../case/hazard-case';
import type { CaseStage } from '../case/stage';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { instantAfter } from '../escalation/offsets';
import { isCalendarDate, chinaDateOf } from '../time/china-date';
import { proposeDetermination } from '../determination/engine';
import {
  activeSeal,
  currentDeadline,
  isFinal,
  type CaseState,
  type ClockId,
  type RecordedProposal,
} from './case-state';
import { settleClock, startClock, stopRunningClocks } from './clocks';
import { LISTING_LEVELS, type CaseCommand, type CommandPayloads, type CommandType } from './commands';
import type { NotificationDraft } from './notifications';
import { reject } from './rejection';
import { canActOnCase, COMMAND_ROLES, isWithinJurisdiction } from './roles';

/** An event that a command or the passing of time adds to a case's history. */
export interface EventDraft {
  readonly type: CaseEventType;
  readonly data: Record<string, unknown>;
  readonly reason?: string;
  readonly notifications: readonly NotificationDraft[];
}

export interface Transition {
  readonly state: CaseState;
  readonly events: readonly EventDraft[];
}

export interface TransitionContext {
  /** Workflow time, in milliseconds since the epoch. */
  readonly now: number;
  readonly calendar: WorkingCalendar;
  /**
   * Whether an extended deadline or the closure stops re-sending and climbing the escalations sent
   * before it. Workflows started before this rule run without it, so their histories still replay.
   */
  readonly supersedeEscalations?: boolean;
}

const MIN_PARTICIPANTS = 3;
const MIN_EXPERTS = 7;
const OPEN_RECTIFICATION_STAGES: readonly CaseStage[] = ['reported', 'listed', 'rectifying'];

function iso(now: number): string {
  return new Date(now).toISOString();
}

function today(now: number): string {
  return chinaDateOf(new Date(now));
}

function requireStage(state: CaseState, allowed: readonly CaseStage[], command: CommandType): void {
  if (!allowed.includes(state.stage)) {
    reject(
      'wrong_stage',
      `案件处于 ${state.stage} 阶段，不能执行 ${command}；该命令适用于：${allowed.join('、')}`,
      `${command} does not apply to a case in stage ${state.stage}; it applies in: ${allowed.join(', ')}`,
    );
  }
}

/** Latest date a deadline may have: far enough for any rectification, within what the calendar computes. */
const LATEST_DEADLINE = '2099-12-31';

function requireDate(value: string, field: string): void {
  if (!isCalendarDate(value) || value > LATEST_DEADLINE) {
    reject(
      'invalid_payload',
      `${field} 必须是 YYYY-MM-DD 格式的真实日期，且不晚于 ${LATEST_DEADLINE}`,
      `${field} must be a real calendar date, YYYY-MM-DD, no later than ${LATEST_DEADLINE}`,
    );
  }
}

/** Checks a date on which something already happened: real, and not after today in China. */
function requirePastDate(value: string, field: string, now: number): void {
  requireDate(value, field);
  if (value > today(now)) {
    reject(
      'invalid_payload',
      `${field}（${value}）不能晚于今天（北京时间）`,
      `${field} (${value}) must not be later than today in China`,
    );
  }
}

function requireText(value: string | undefined, field: string): void {
  if (value === undefined || value.trim() === '') {
    reject('invalid_payload', `${field} 不能为空`, `${field} must not be empty`);
  }
}

/**
 * Checks that a government named in a command has the case in its jurisdiction and, for a signed-in
 * government user, lies within the user's own jurisdiction.
 */
function requireGovernment(state: CaseState, government: { jurisdictionCode: string }, context: HandlerContext): void {
  if (!isWithinJurisdiction(state.opening.jurisdictionCode, government.jurisdictionCode)) {
    reject(
      'invalid_payload',
      `government.jurisdictionCode（${government.jurisdictionCode}）必须是案件所在辖区（${state.opening.jurisdictionCode}）或其上级`,
      `government.jurisdictionCode (${government.jurisdictionCode}) must be the case's jurisdiction (${state.opening.jurisdictionCode}) or one above it`,
    );
  }
  const own = context.actor.jurisdictionCode;
  if (
    context.actor.kind === 'user' &&
    context.actor.role?.startsWith('government') &&
    (own === undefined || !isWithinJurisdiction(government.jurisdictionCode, own))
  ) {
    reject(
      'invalid_payload',
      `government.jurisdictionCode（${government.jurisdictionCode}）超出您所在政府的辖区（${own ?? '无'}）`,
      `government.jurisdictionCode (${government.jurisdictionCode}) is outside your government's jurisdiction (${own ?? 'none'})`,
    );
  }
}

function requireNotBefore(date: string, earliest: string, field: string, earliestName: string): void {
  if (date < earliest) {
    reject(
      'invalid_payload',
      `${field}（${date}）不能早于${earliestName}（${earliest}）`,
      `${field} (${date}) must not be before ${earliestName} (${earliest})`,
    );
  }
}

/**
 * Checks that the actor may issue the command on this case: role, jurisdiction, and for a unit its own
 * case. Throws a CommandRejectedError otherwise.
 */
export function authorize(state: CaseState, command: CaseCommand, actor: Actor): void {
  if (actor.kind === 'system') return;
  const roles = COMMAND_ROLES[command.type];
  if (actor.role === undefined || !(roles as readonly string[]).includes(actor.role)) {
    reject(
      'forbidden_role',
      `角色 ${actor.role ?? '（无）'} 不能执行 ${command.type}；可执行的角色：${roles.join('、')}`,
      `role ${actor.role ?? '(none)'} may not issue ${command.type}; allowed roles: ${roles.join(', ')}`,
    );
  }
  const scope = {
    jurisdictionCode: state.opening.jurisdictionCode,
    unitCreditCode: state.opening.responsibleUnit.creditCode,
  };
  if (!canActOnCase(actor, scope)) {
    reject('outside_jurisdiction', '该案件不在您的管辖范围内', 'the case is outside your jurisdiction');
  }
}

/**
 * Applies a command to the case: checks it fits the stage and payload rules, and returns the new state
 * with the events it causes. Throws a CommandRejectedError when it does not fit; nothing changes then.
 */
export function applyCommand(
  state: CaseState,
  command: CaseCommand,
  actor: Actor,
  context: TransitionContext,
): Transition {
  if (isFinal(state) && command.type !== 'acknowledge_escalation') {
    reject('wrong_stage', `案件已处于终结阶段 ${state.stage}`, `the case has ended in stage ${state.stage}`);
  }
  authorize(state, command, actor);
  const handler = HANDLERS[command.type] as Handler<CommandType>;
  const transition = handler(state, command.payload, { ...context, actor, reason: command.reason });
  const size = utf8Length(JSON.stringify(transition.state));
  if (size > MAX_CASE_STATE_BYTES) {
    reject(
      'invalid_payload',
      `案件记录将达到 ${size} 字节，超过 ${MAX_CASE_STATE_BYTES} 字节的上限：请缩短文字，把长篇材料作为证据上传`,
      `the case record would reach ${size} bytes, over the limit of ${MAX_CASE_STATE_BYTES}: shorten the text and upload long material as evidence`,
    );
  }
  return transition;
}

/**
 * Largest case state, as UTF-8 JSON, that a command may leave. The state travels whole in each
 * projection activity's input and in continue-as-new, and Temporal warns of payloads over 512 KiB.
 */
export const MAX_CASE_STATE_BYTES = 512 * 1024;

/** Counts the bytes of a string in UTF-8, so the domain library needs no TextEncoder. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

interface HandlerContext extends TransitionContext {
  readonly actor: Actor;
  readonly reason?: string;
}

type Handler<K extends CommandType> = (
  state: CaseState,
  payload: CommandPayloads[K],
  context: HandlerContext,
) => Transition;

function single(
  state: CaseState,
  type: CaseEventType,
  data: Record<string, unknown>,
  context: HandlerContext,
  notifications: NotificationDraft[] = [],
): Transition {
  return { state, events: [{ type, data, notifications, ...(context.reason ? { reason: context.reason } : {}) }] };
}

function settle(state: CaseState, id: ClockId, now: number): CaseState {
  const clock = state.clocks[id];
  if (!clock || clock.status !== 'running') return state;
  const status = now <= Date.parse(clock.dueAt) ? 'met' : 'missed';
  return { ...state, clocks: { ...state.clocks, [id]: settleClock(clock, status, iso(now)) } };
}

/** Stops chasing the escalations still waiting for acknowledgement: what they were sent for has changed. */
function supersede(escalations: CaseState['escalations'], at: string): CaseState['escalations'] {
  return escalations.map((e) =>
    !e.acknowledgedAt && e.acknowledgeBy !== '' ? { ...e, acknowledgeBy: '', supersededAt: at } : e,
  );
}

/** Acknowledges the open interview escalations, because scheduling or holding the interview responds to them. */
function acknowledgeInterviewEscalations(state: CaseState, at: string): CaseState['escalations'] {
  return state.escalations.map((e) => (e.kind === 'interview' && !e.acknowledgedAt ? { ...e, acknowledgedAt: at } : e));
}

function unitRecipient(state: CaseState): NotificationDraft['recipient'] {
  return {
    kind: 'unit',
    jurisdictionCode: state.opening.jurisdictionCode,
    unitCreditCode: state.opening.responsibleUnit.creditCode,
  };
}

/** Returns the government a case reports to: the listing government, else the one it was reported to, else its own. */
export function supervisingGovernmentCode(state: CaseState): string {
  return (
    state.listing?.government.jurisdictionCode ??
    state.report?.government.jurisdictionCode ??
    state.opening.jurisdictionCode
  );
}

const HANDLERS: { [K in CommandType]: Handler<K> } = {
  record_hazard_items(state, { items }, context) {
    requireStage(state, ['discovered', 'determination'], 'record_hazard_items');
    if (items.length === 0) reject('invalid_payload', 'items 至少需要 1 项', 'items must contain at least 1 item');
    items.forEach((item, index) => requireText(item.description, `items[${index}].description`));
    const opening = { ...state.opening, hazardItems: [...state.opening.hazardItems, ...items] };
    return single({ ...state, opening }, 'hazard_items_recorded', { items }, context);
  },

  start_determination(state, _payload, context) {
    requireStage(state, ['discovered'], 'start_determination');
    return single({ ...state, stage: 'determination' }, 'determination_started', {}, context);
  },

  record_determination(state, payload, context) {
    requireStage(state, ['determination'], 'record_determination');
    if (state.determination) reject('conflict', '判定结论已记录', 'the determination is already recorded');
    requirePastDate(payload.decidedOn, 'decidedOn', context.now);
    requireNotBefore(payload.decidedOn, state.opening.discoveredOn, 'decidedOn', '发现日期 discoveredOn');
    const participants = new Set(payload.participants.map((p) => p.trim()).filter((p) => p !== ''));
    if (participants.size < MIN_PARTICIPANTS) {
      reject(
        'invalid_payload',
        `集体讨论至少需要 ${MIN_PARTICIPANTS} 名不同的参加人员`,
        `a collective decision needs at least ${MIN_PARTICIPANTS} different participants`,
      );
    }
    if (payload.expertReview) {
      const experts = new Set(payload.expertReview.experts.map((e) => e.trim()).filter((e) => e !== ''));
      if (experts.size < MIN_EXPERTS) {
        reject(
          'invalid_payload',
          `专家论证至少需要 ${MIN_EXPERTS} 名专家`,
          `an expert review needs at least ${MIN_EXPERTS} experts`,
        );
      }
      if (payload.expertReview.agreeing * 3 < experts.size * 2 || payload.expertReview.agreeing > experts.size) {
        reject('invalid_payload', '专家论证须有三分之二以上专家同意', 'at least two thirds of the experts must agree');
      }
    }
    const proposal = payload.findings ? proposeFromFindings(state, payload.findings) : undefined;
    const proposedOutcome = proposal?.outcome ?? payload.proposedOutcome;
    if (proposedOutcome && proposedOutcome !== 'undetermined' && proposedOutcome !== payload.outcome) {
      requireText(payload.departureReason, 'departureReason');
    }
    const at = iso(context.now);
    let next: CaseState = {
      ...state,
      determination: { ...payload, recordedAt: at, ...(proposal ? { proposal } : {}) },
    };
    // With an expert review the handling opinion may take 17 working days instead of 7.
    const handling = next.clocks.handling_opinion;
    if (payload.expertReview && handling?.basis.kind === 'rule') {
      const extended = startClock(context.calendar, 'handling_opinion', {
        ...handling.basis,
        rule: 'handling_opinion_with_expert_review',
      });
      const report = startClock(context.calendar, 'report', {
        ...handling.basis,
        rule: 'handling_opinion_with_expert_review',
      });
      next = { ...next, clocks: { ...next.clocks, handling_opinion: extended, report } };
    }
    next = settle(next, 'handling_opinion', context.now);
    if (payload.outcome === 'major') {
      next = {
        ...next,
        clocks: {
          ...next.clocks,
          notice: startClock(context.calendar, 'notice', {
            kind: 'rule',
            rule: 'rectification_notice',
            from: payload.decidedOn,
          }),
        },
      };
    } else {
      next = { ...next, stage: payload.outcome, clocks: {} };
    }
    return single(next, 'determination_recorded', { ...payload }, context);
  },

  serve_notice(state, payload, context) {
    requireStage(state, ['determination'], 'serve_notice');
    if (state.determination?.outcome !== 'major') {
      reject(
        'wrong_stage',
        '尚未判定为重大火灾隐患，不能送达整改通知书',
        'the hazard has not been determined major, so no notice can be served',
      );
    }
    requireText(payload.documentNumber, 'documentNumber');
    requirePastDate(payload.servedOn, 'servedOn', context.now);
    requireDate(payload.deadline, 'deadline');
    requireNotBefore(payload.servedOn, state.determination.decidedOn, 'servedOn', '判定日期 decidedOn');
    if (payload.deadline <= payload.servedOn)
      reject('invalid_payload', 'deadline 必须晚于送达日期 servedOn', 'deadline must be after servedOn');
    const at = iso(context.now);
    let next: CaseState = {
      ...state,
      stage: 'notice_served',
      notice: payload,
      deadlines: [{ deadline: payload.deadline, setBy: 'notice', setAt: at }],
    };
    next = settle(next, 'notice', Date.parse(`${payload.servedOn}T00:00:00+08:00`));
    next = {
      ...next,
      clocks: {
        ...next.clocks,
        rectification: startClock(context.calendar, 'rectification', { kind: 'absolute', date: payload.deadline }),
      },
    };
    return single(next, 'notice_served', { ...payload }, context);
  },

  report_to_government(state, payload, context) {
    requireStage(state, ['notice_served'], 'report_to_government');
    requirePastDate(payload.reportedOn, 'reportedOn', context.now);
    requireText(payload.government.name, 'government.name');
    requireGovernment(state, payload.government, context);
    let next: CaseState = { ...state, stage: 'reported', report: payload };
    next = settle(next, 'report', Date.parse(`${payload.reportedOn}T00:00:00+08:00`));
    return single(next, 'reported_to_government', { ...payload }, context);
  },

  apply_seal(state, payload, context) {
    if (activeSeal(state))
      reject(
        'conflict',
        '已有生效的临时查封，请先解除或待其期满',
        'a temporary seal is already active; lift it or let it expire first',
      );
    requirePastDate(payload.sealedOn, 'sealedOn', context.now);
    requireText(payload.scope, 'scope');
    if (!Number.isInteger(payload.days) || payload.days < 1 || payload.days > 30) {
      reject('invalid_payload', '临时查封期限为 1 至 30 日', 'days must be a whole number from 1 to 30');
    }
    const sealClock = startClock(context.calendar, 'seal', {
      kind: 'seal',
      from: payload.sealedOn,
      days: payload.days,
    });
    const expiresOn = sealClock.due;
    const seal = {
      number: state.seals.length + 1,
      sealedOn: payload.sealedOn,
      scope: payload.scope,
      expiresOn,
      status: 'active' as const,
    };
    const next: CaseState = { ...state, seals: [...state.seals, seal], clocks: { ...state.clocks, seal: sealClock } };
    return single(next, 'seal_applied', { ...payload, expiresOn, number: seal.number }, context);
  },

  lift_seal(state, payload, context) {
    const seal = activeSeal(state);
    if (!seal) reject('conflict', '没有生效的临时查封', 'no temporary seal is active');
    requirePastDate(payload.liftedOn, 'liftedOn', context.now);
    const seals = state.seals.map((s) =>
      s.number === seal.number ? { ...s, status: 'lifted' as const, endedAt: iso(context.now) } : s,
    );
    const next = settle({ ...state, seals }, 'seal', context.now);
    return single(next, 'seal_lifted', { number: seal.number, liftedOn: payload.liftedOn }, context);
  },

  list_case(state, payload, context) {
    requireStage(state, ['reported', 'rectifying'], 'list_case');
    if (state.listing) reject('conflict', '案件已挂牌督办', 'the case is already listed');
    requireText(payload.documentNumber, 'documentNumber');
    requireGovernment(state, payload.government, context);
    requirePastDate(payload.listedOn, 'listedOn', context.now);
    requireDate(payload.deadline, 'deadline');
    requireText(payload.responsiblePerson, 'responsiblePerson');
    requireText(payload.supervisingDepartment, 'supervisingDepartment');
    if (payload.deadline <= payload.listedOn)
      reject('invalid_payload', 'deadline 必须晚于挂牌日期 listedOn', 'deadline must be after listedOn');
    if (
      !Number.isInteger(payload.reportingIntervalMonths) ||
      payload.reportingIntervalMonths < 0 ||
      payload.reportingIntervalMonths > 12
    ) {
      reject(
        'invalid_payload',
        'reportingIntervalMonths 为 0 至 12 的整数',
        'reportingIntervalMonths must be a whole number from 0 to 12',
      );
    }
    const at = iso(context.now);
    const listing = { ...payload, levelHistory: [{ level: payload.level, government: payload.government, at }] };
    const clocks = {
      ...state.clocks,
      rectification: startClock(context.calendar, 'rectification', { kind: 'absolute', date: payload.deadline }),
      ...(payload.reportingIntervalMonths > 0
        ? {
            progress_report: startClock(context.calendar, 'progress_report', {
              kind: 'months',
              from: payload.listedOn,
              months: payload.reportingIntervalMonths,
            }),
          }
        : {}),
    };
    const next: CaseState = {
      ...state,
      stage: state.stage === 'reported' ? 'listed' : state.stage,
      listing,
      deadlines: [...state.deadlines, { deadline: payload.deadline, setBy: 'listing', setAt: at }],
      clocks,
    };
    const notifications: NotificationDraft[] = [
      {
        topic: 'case_listed',
        recipient: unitRecipient(state),
        text: {
          zh: `案件 ${state.caseNumber} 已由${payload.government.name}挂牌督办（${payload.documentNumber}），整改期限 ${payload.deadline}`,
          en: `Case ${state.caseNumber} was listed by ${payload.government.name} (${payload.documentNumber}); rectification deadline ${payload.deadline}`,
        },
      },
    ];
    return single(next, 'case_listed', { ...payload }, context, notifications);
  },

  raise_listing_level(state, payload, context) {
    if (!state.listing)
      reject('wrong_stage', '案件尚未挂牌，不能提级', 'the case is not listed, so its level cannot be raised');
    requireGovernment(state, payload.government, context);
    if (LISTING_LEVELS.indexOf(payload.level) <= LISTING_LEVELS.indexOf(state.listing.level)) {
      reject(
        'invalid_payload',
        `新的挂牌级别必须高于当前的 ${state.listing.level}`,
        `the new level must be above the current ${state.listing.level}`,
      );
    }
    const listing = {
      ...state.listing,
      level: payload.level,
      government: payload.government,
      levelHistory: [
        ...state.listing.levelHistory,
        { level: payload.level, government: payload.government, at: iso(context.now) },
      ],
    };
    return single({ ...state, listing }, 'listing_level_raised', { ...payload }, context);
  },

  submit_plan(state, { plan }, context) {
    requireStage(state, OPEN_RECTIFICATION_STAGES, 'submit_plan');
    for (const field of ['responsibility', 'measures', 'funds', 'timeLimit', 'contingencyPlan'] as const)
      requireText(plan[field], `plan.${field}`);
    const next: CaseState = { ...state, stage: 'rectifying', plan: { ...plan, submittedAt: iso(context.now) } };
    return single(next, 'plan_submitted', { plan }, context);
  },

  submit_progress_report(state, { summary }, context) {
    requireStage(state, ['listed', 'rectifying'], 'submit_progress_report');
    requireText(summary, 'summary');
    let next: CaseState = {
      ...state,
      progressReports: [...state.progressReports, { summary, submittedAt: iso(context.now) }],
    };
    const clock = next.clocks.progress_report;
    if (clock && clock.basis.kind === 'months') {
      next = settle(next, 'progress_report', context.now);
      const following = startClock(context.calendar, 'progress_report', { ...clock.basis, from: clock.due });
      next = { ...next, clocks: { ...next.clocks, progress_report: following } };
    }
    return single(next, 'progress_report_submitted', { summary }, context);
  },

  request_extension(state, { requestedDeadline }, context) {
    requireStage(state, ['rectifying'], 'request_extension');
    if (state.extensionRequest) reject('conflict', '已有待审批的延期申请', 'an extension request is already pending');
    requireDate(requestedDeadline, 'requestedDeadline');
    const current = currentDeadline(state);
    if (current && requestedDeadline <= current) {
      reject(
        'invalid_payload',
        `申请的期限必须晚于当前期限 ${current}`,
        `requestedDeadline must be after the current deadline ${current}`,
      );
    }
    const next: CaseState = { ...state, extensionRequest: { requestedDeadline, requestedAt: iso(context.now) } };
    const decider = state.listing
      ? {
          kind: 'role' as const,
          jurisdictionCode: state.listing.government.jurisdictionCode,
          role: 'government_leader' as const,
        }
      : { kind: 'role' as const, jurisdictionCode: state.opening.jurisdictionCode, role: 'brigade_leader' as const };
    const notifications: NotificationDraft[] = [
      {
        topic: 'extension_requested',
        recipient: decider,
        text: {
          zh: `案件 ${state.caseNumber} 的责任单位申请将整改期限延至 ${requestedDeadline}，请审批`,
          en: `The unit of case ${state.caseNumber} requests an extension to ${requestedDeadline}; please decide`,
        },
      },
    ];
    return single(next, 'extension_requested', { requestedDeadline }, context, notifications);
  },

  decide_extension(state, payload, context) {
    const request = state.extensionRequest;
    if (!request) reject('conflict', '没有待审批的延期申请', 'no extension request is pending');
    const role = context.actor.role;
    if (context.actor.kind === 'user' && state.listing && role !== 'government_leader') {
      reject(
        'forbidden_role',
        '挂牌案件的延期由挂牌政府领导审批',
        'the listing government leader decides extensions of a listed case',
      );
    }
    if (context.actor.kind === 'user' && !state.listing && role !== 'brigade_leader') {
      reject(
        'forbidden_role',
        '未挂牌案件的延期由消防救援机构负责人审批',
        'the brigade leader decides extensions of an unlisted case',
      );
    }
    let next: CaseState = { ...state, extensionRequest: undefined };
    const newDeadline = payload.approved ? (payload.newDeadline ?? request.requestedDeadline) : undefined;
    if (newDeadline !== undefined) {
      requireDate(newDeadline, 'newDeadline');
      const current = currentDeadline(state);
      if (current && newDeadline <= current) {
        reject(
          'invalid_payload',
          `新的期限必须晚于当前期限 ${current}`,
          `newDeadline must be after the current deadline ${current}`,
        );
      }
      next = {
        ...next,
        escalations: context.supersedeEscalations ? supersede(state.escalations, iso(context.now)) : state.escalations,
        deadlines: [...state.deadlines, { deadline: newDeadline, setBy: 'extension', setAt: iso(context.now) }],
        clocks: {
          ...next.clocks,
          rectification: startClock(context.calendar, 'rectification', { kind: 'absolute', date: newDeadline }),
        },
      };
    }
    const notifications: NotificationDraft[] = [
      {
        topic: 'extension_decided',
        recipient: unitRecipient(state),
        text: newDeadline
          ? {
              zh: `案件 ${state.caseNumber} 的延期申请已批准，新的整改期限为 ${newDeadline}`,
              en: `The extension of case ${state.caseNumber} was approved; the new deadline is ${newDeadline}`,
            }
          : {
              zh: `案件 ${state.caseNumber} 的延期申请未获批准，整改期限不变`,
              en: `The extension of case ${state.caseNumber} was rejected; the deadline stands`,
            },
      },
    ];
    return single(
      next,
      'extension_decided',
      { approved: payload.approved, ...(newDeadline ? { newDeadline } : {}) },
      context,
      notifications,
    );
  },

  apply_for_reinspection(state, _payload, context) {
    requireStage(state, ['rectifying'], 'apply_for_reinspection');
    let next = settle(state, 'rectification', context.now);
    next = {
      ...next,
      stage: 'reinspection',
      extensionRequest: undefined,
      reinspections: [...state.reinspections, { appliedAt: iso(context.now) }],
      clocks: {
        ...next.clocks,
        reinspection: startClock(context.calendar, 'reinspection', {
          kind: 'rule',
          rule: 'reinspection',
          from: today(context.now),
        }),
      },
    };
    const notifications: NotificationDraft[] = [
      {
        topic: 'reinspection_requested',
        recipient: { kind: 'role', jurisdictionCode: state.opening.jurisdictionCode, role: 'brigade_leader' },
        text: {
          zh: `案件 ${state.caseNumber} 的责任单位申请复查，请于 ${next.clocks.reinspection?.due ?? ''} 前复查`,
          en: `The unit of case ${state.caseNumber} applied for reinspection; reinspect by ${next.clocks.reinspection?.due ?? ''}`,
        },
      },
    ];
    return single(next, 'reinspection_applied', {}, context, notifications);
  },

  record_reinspection(state, payload, context) {
    requireStage(state, ['reinspection'], 'record_reinspection');
    const last = state.reinspections[state.reinspections.length - 1];
    if (!last || last.passed !== undefined)
      reject('conflict', '复查结果已记录', 'the reinspection result is already recorded');
    requireText(payload.findings, 'findings');
    const reinspections = [
      ...state.reinspections.slice(0, -1),
      { ...last, passed: payload.passed, findings: payload.findings, recordedAt: iso(context.now) },
    ];
    let next = settle({ ...state, reinspections }, 'reinspection', context.now);
    if (!payload.passed) {
      next = { ...next, stage: 'rectifying' };
      const rectification = next.clocks.rectification;
      // Back to rectifying: the deadline still runs if it has not passed, otherwise the case is overdue.
      if (rectification && Date.parse(rectification.dueAt) > context.now) {
        next = {
          ...next,
          clocks: { ...next.clocks, rectification: { ...rectification, status: 'running', settledAt: undefined } },
        };
      }
    }
    return single(next, 'reinspection_recorded', { ...payload }, context);
  },

  close_case(state, _payload, context) {
    requireStage(state, ['reinspection'], 'close_case');
    const last = state.reinspections[state.reinspections.length - 1];
    if (last?.passed !== true)
      reject('wrong_stage', '复查合格后方可销案', 'a case closes only after a passed reinspection');
    const closedAt = iso(context.now);
    const clocks = stopRunningClocks(state.clocks, closedAt);
    const next: CaseState = {
      ...state,
      stage: 'closed',
      closedAt,
      clocks,
      escalations: context.supersedeEscalations ? supersede(state.escalations, closedAt) : state.escalations,
      exposure: withTakedown(state, context),
    };
    return single(next, 'case_closed', {}, context);
  },

  consent_to_delisting(state, _payload, context) {
    requireStage(state, ['closed'], 'consent_to_delisting');
    if (!state.listing)
      reject('wrong_stage', '案件未挂牌，无需摘牌', 'the case was never listed, so there is nothing to delist');
    return single({ ...state, stage: 'delisted', delistedAt: iso(context.now) }, 'case_delisted', {}, context);
  },

  schedule_interview(state, payload, context) {
    requireDate(payload.scheduledOn, 'scheduledOn');
    if (payload.scheduledOn < today(context.now)) {
      reject(
        'invalid_payload',
        `scheduledOn（${payload.scheduledOn}）不能早于今天（北京时间）`,
        `scheduledOn (${payload.scheduledOn}) must not be earlier than today in China`,
      );
    }
    requireText(payload.place, 'place');
    requireText(payload.summoned, 'summoned');
    const at = iso(context.now);
    const next: CaseState = {
      ...state,
      escalations: acknowledgeInterviewEscalations(state, at),
      scheduledInterview: { ...payload, scheduledAt: at },
    };
    const notifications: NotificationDraft[] = [
      {
        topic: 'interview_scheduled',
        recipient: unitRecipient(state),
        text: {
          zh: `案件 ${state.caseNumber}：请${payload.summoned}于 ${payload.scheduledOn} 到${payload.place}接受约谈`,
          en: `Case ${state.caseNumber}: ${payload.summoned} is summoned to an interview at ${payload.place} on ${payload.scheduledOn}`,
        },
      },
    ];
    const rescheduled = state.scheduledInterview !== undefined;
    return single(next, 'interview_scheduled', { ...payload, rescheduled }, context, notifications);
  },

  record_interview(state, payload, context) {
    requirePastDate(payload.heldOn, 'heldOn', context.now);
    if (payload.attendees.filter((a) => a.trim() !== '').length === 0)
      reject('invalid_payload', 'attendees 至少 1 人', 'attendees must name at least one person');
    requireText(payload.minutes, 'minutes');
    requireText(payload.commitment, 'commitment');
    const at = iso(context.now);
    const { scheduledInterview: _held, ...rest } = state;
    const next: CaseState = {
      ...rest,
      escalations: acknowledgeInterviewEscalations(state, at),
      interviews: [...state.interviews, { ...payload, recordedAt: at }],
    };
    return single(next, 'interview_recorded', { ...payload }, context);
  },

  acknowledge_escalation(state, payload, context) {
    const escalation = state.escalations.find((e) => e.id === payload.escalationId);
    if (!escalation)
      reject(
        'invalid_payload',
        `没有编号为 ${payload.escalationId} 的督办事项`,
        `no escalation has the id ${payload.escalationId}`,
      );
    if (escalation.acknowledgedAt) reject('conflict', '该督办事项已签收', 'the escalation is already acknowledged');
    const code = context.actor.jurisdictionCode;
    if (
      context.actor.kind === 'user' &&
      (code === undefined || !isWithinJurisdiction(escalation.jurisdictionCode, code))
    ) {
      reject(
        'outside_jurisdiction',
        '该督办事项不是发给您所在政府的',
        'the escalation is not addressed to your government',
      );
    }
    const at = iso(context.now);
    const escalations = state.escalations.map((e) =>
      e.id === escalation.id
        ? { ...e, acknowledgedAt: at, ...(payload.instruction ? { instruction: payload.instruction } : {}) }
        : e,
    );
    return single({ ...state, escalations }, 'escalation_acknowledged', { ...payload }, context);
  },

  decide_exposure(state, { approved }, context) {
    if (state.exposure?.status !== 'proposed')
      reject('conflict', '没有待审批的曝光提议', 'no media exposure proposal is pending');
    const at = iso(context.now);
    const exposure = approved
      ? { ...state.exposure, status: 'published' as const, decidedAt: at, publishedAt: at }
      : { ...state.exposure, status: 'rejected' as const, decidedAt: at };
    const notifications: NotificationDraft[] = approved
      ? [
          {
            topic: 'exposure_published',
            recipient: unitRecipient(state),
            text: {
              zh: `案件 ${state.caseNumber} 因逾期未整改已予以曝光`,
              en: `Case ${state.caseNumber} has been exposed in the media for overdue rectification`,
            },
          },
        ]
      : [];
    return single(
      { ...state, exposure },
      approved ? 'exposure_published' : 'exposure_rejected',
      {},
      context,
      notifications,
    );
  },

  withdraw_case(state, _payload, context) {
    requireText(context.reason, 'reason');
    const at = iso(context.now);
    const next: CaseState = {
      ...state,
      clocks: stopRunningClocks(state.clocks, at),
      stage: 'withdrawn',
      withdrawal: { at, reason: context.reason ?? '' },
      exposure: withTakedown(state, context),
    };
    return single(next, 'case_withdrawn', {}, context);
  },

  suspend_case(state, _payload, context) {
    if (state.stage === 'suspended') reject('conflict', '案件已中止', 'the case is already suspended');
    requireText(context.reason, 'reason');
    return single({ ...state, stage: 'suspended', stageBeforeSuspension: state.stage }, 'case_suspended', {}, context);
  },

  resume_case(state, _payload, context) {
    requireStage(state, ['suspended'], 'resume_case');
    const stage = state.stageBeforeSuspension ?? 'discovered';
    return single({ ...state, stage, stageBeforeSuspension: undefined }, 'case_resumed', { stage }, context);
  },
};

/**
 * Runs the GB 35181 engine on the brigade's findings, with the case's discovery date as the inspection
 * date and its place type, and keeps the proposal the decision is measured against.
 */
function proposeFromFindings(
  state: CaseState,
  findings: NonNullable<CommandPayloads['record_determination']['findings']>,
): RecordedProposal {
  const result = proposeDetermination({
    inspectedOn: state.opening.discoveredOn,
    placeType: state.opening.placeType,
    ...(findings.placeCategory ? { placeCategory: findings.placeCategory } : {}),
    elements: findings.elements,
    ...(findings.exclusions ? { exclusions: findings.exclusions } : {}),
  });
  if (!result.ok) {
    const fields = result.issues.map((issue) => `findings.${issue.field} (${issue.code})`).join(', ');
    reject(
      'invalid_payload',
      `判定要素无法按 GB 35181 评估：${fields}`,
      `the findings cannot be evaluated under GB 35181: ${fields}`,
    );
  }
  const proposal = result.proposal;
  return {
    edition: proposal.edition,
    placeCategory: proposal.placeCategory,
    outcome: proposal.outcome,
    method: proposal.method,
    count: proposal.count,
    threshold: proposal.threshold,
    explanation: proposal.explanation,
    unverified: proposal.unverified.map((mark) => ({ subject: mark.subject, ref: mark.ref })),
  };
}

function withTakedown(state: CaseState, context: TransitionContext): CaseState['exposure'] {
  if (state.exposure?.status !== 'published') return state.exposure;
  const takedownAt = instantAfter(context.calendar, context.now, state.policy.exposureTakedownAfterClosure);
  return { ...state.exposure, takedownAt: iso(takedownAt) };
}
