import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  currentUpdateInfo,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';

import {
  advanceTime,
  applyCommand,
  CommandRejectedError,
  importedCaseState,
  isFinal,
  ladderRungs,
  nextWakeAt,
  openedCaseState,
  recomputeClock,
  WorkingCalendar,
  type Actor,
  type CaseEvent,
  type CaseState,
  type ClockState,
  type EventDraft,
  type YearSchedule,
} from '@duban/domain';
import {
  calendarUpdatedSignal,
  CASE_NUMBER_TAKEN,
  COMMAND_REJECTED,
  CONFIGURATION_ACTIVITY_OPTIONS,
  confirmOpenedUpdate,
  CONTINUE_AS_NEW_HISTORY_LENGTH,
  executeCommandUpdate,
  getCaseViewQuery,
  KEYED_COMMAND_RESULTS_KEPT,
  KEYED_COMMAND_UPDATE_PREFIX,
  PROJECTION_ACTIVITY_OPTIONS,
  type CaseActivities,
  type CommandRejectionDetails,
  type EventSummary,
  type ExecuteCommandArgs,
  type ExecuteCommandResult,
  type HazardCaseInput,
} from '@duban/temporal/contracts';

const activities = proxyActivities<CaseActivities>(PROJECTION_ACTIVITY_OPTIONS);
const configuration = proxyLocalActivities<CaseActivities>(CONFIGURATION_ACTIVITY_OPTIONS);

const SYSTEM: Actor = { kind: 'system', id: 'system' };
const RECENT_EVENTS_KEPT = 50;

/**
 * Runs one major fire hazard from discovery to delisting; the workflow id is the case number. The workflow
 * holds the stage and every clock. Commands arrive as updates and return after their events are in the
 * read model. Timers fire reminders and escalations at the instants the domain rules compute.
 */
export async function hazardCase(input: HazardCaseInput): Promise<CaseState> {
  let state: CaseState | undefined = input.resume?.state;
  let recentEvents: EventSummary[] = [...(input.resume?.recentEvents ?? [])];
  // Temporal drops a repeated update id only within one run, so results of keyed commands are carried over.
  const keyedResults = new Map<string, ExecuteCommandResult>(Object.entries(input.resume?.keyedCommandResults ?? {}));
  let calendar: WorkingCalendar | undefined;
  let pendingSchedules: readonly YearSchedule[] | undefined;
  let changed = false;
  let timerTarget: number | undefined;
  // Commands and timers change the state one at a time, in the order they take the lock.
  let busy = false;
  // Runs started before this rule keep chasing escalations after an extension or closure, as recorded.
  const supersedeEscalations = patched('supersede-escalations');

  const withLock = async <T>(work: () => Promise<T>): Promise<T> => {
    // Every waiter wakes when the lock is released, so each checks again and only the first takes it.
    while (busy) await condition(() => !busy);
    busy = true;
    try {
      return await work();
    } finally {
      busy = false;
      changed = true;
    }
  };

  const record = async (drafts: readonly EventDraft[], next: CaseState, actor: Actor): Promise<number[]> => {
    if (drafts.length === 0 || !state) {
      state = next;
      return [];
    }
    const occurredAt = new Date(Date.now()).toISOString();
    let sequence = state.lastSequence;
    const events: CaseEvent[] = drafts.map((draft) => ({
      sequence: ++sequence,
      type: draft.type,
      occurredAt,
      actor,
      ...(draft.reason ? { reason: draft.reason } : {}),
      data: draft.data,
      notifications: draft.notifications,
    }));
    const after: CaseState = { ...next, lastSequence: sequence };
    await activities.recordCaseEvents({ events, state: after });
    state = after;
    recentEvents = [
      ...recentEvents,
      ...events.map((e) => ({ sequence: e.sequence, type: e.type, occurredAt: e.occurredAt })),
    ].slice(-RECENT_EVENTS_KEPT);
    return events.map((e) => e.sequence);
  };

  setHandler(getCaseViewQuery, () => {
    if (!state || !calendar) throw new Error('the case is still starting');
    const current = state;
    const wake = nextWakeAt(current, { calendar });
    return {
      state: current,
      clocks: Object.values(current.clocks).filter((clock): clock is ClockState => clock !== undefined),
      ladder: ladderRungs(current, { calendar }).map((rung) => ({
        id: rung.id,
        kind: rung.kind,
        at: new Date(rung.at).toISOString(),
        passed: current.rungs[rung.id] !== undefined,
      })),
      nextWakeAt: wake === undefined ? null : new Date(wake).toISOString(),
      recentEvents,
    };
  });

  setHandler(
    confirmOpenedUpdate,
    async ({ openRequestId }) => {
      await condition(() => state !== undefined && state.lastSequence > 0);
      const current = state as CaseState;
      return {
        created: openRequestId === input.openRequestId,
        stage: current.stage,
        lastSequence: current.lastSequence,
      };
    },
    {
      validator: ({ openRequestId, openingHash }) => {
        if (openRequestId !== input.openRequestId && openingHash !== input.openingHash) {
          throw ApplicationFailure.create({
            type: CASE_NUMBER_TAKEN,
            message: `case number ${input.opening.caseNumber} is already used by a case with different details`,
            nonRetryable: true,
          });
        }
      },
    },
  );

  /** Returns the result an earlier run gave to a command sent with the same idempotency key, if any. */
  const earlierResult = (updateId: string | undefined): ExecuteCommandResult | undefined =>
    updateId === undefined ? undefined : keyedResults.get(updateId);
  const keepResult = (updateId: string | undefined, result: ExecuteCommandResult): void => {
    if (updateId === undefined || !updateId.startsWith(KEYED_COMMAND_UPDATE_PREFIX)) return;
    keyedResults.set(updateId, result);
    const oldest = keyedResults.keys().next();
    if (keyedResults.size > KEYED_COMMAND_RESULTS_KEPT && !oldest.done) keyedResults.delete(oldest.value);
  };

  setHandler(
    executeCommandUpdate,
    async ({ command, actor }) => {
      const updateId = currentUpdateInfo()?.id;
      const earlier = earlierResult(updateId);
      // The marker keeps a run replayable when a worker without this rule scheduled the repeat's activity.
      if (earlier && patched('keyed-command-results')) return earlier;
      return withLock(async () => {
        const current = await started();
        const transition = rejectAsFailure(() =>
          applyCommand(current, command, actor, { now: Date.now(), calendar: calendarOrFail(), supersedeEscalations }),
        );
        let next = transition.state;
        if (command.type === 'list_case' || command.type === 'raise_listing_level') {
          next = {
            ...next,
            policy: await configuration.resolveEscalationPolicy({
              jurisdictionCode: next.opening.jurisdictionCode,
              listingLevel: next.listing?.level ?? null,
            }),
          };
        }
        const sequences = await record(transition.events, next, actor);
        const after = state as CaseState;
        const result = { sequences, stage: after.stage, lastSequence: after.lastSequence };
        keepResult(updateId, result);
        return result;
      });
    },
    {
      validator: ({ command, actor }: ExecuteCommandArgs) => {
        // Checked again under the lock; rejecting here keeps an invalid command out of history.
        if (!state || !calendar || earlierResult(currentUpdateInfo()?.id)) return;
        rejectAsFailure(() =>
          applyCommand(state as CaseState, command, actor, {
            now: Date.now(),
            calendar: calendar as WorkingCalendar,
            supersedeEscalations,
          }),
        );
      },
    },
  );

  setHandler(calendarUpdatedSignal, (schedules) => {
    pendingSchedules = schedules;
    changed = true;
  });

  const calendarOrFail = (): WorkingCalendar => {
    if (!calendar) throw new Error('the working calendar is not loaded yet');
    return calendar;
  };
  const started = async (): Promise<CaseState> => {
    await condition(() => state !== undefined && calendar !== undefined);
    return state as CaseState;
  };

  // Schedules from the year before discovery on: enough for every clock, and a small recorded payload.
  const fromYear = Number((input.import?.listing?.listedOn ?? input.opening.discoveredOn).slice(0, 4)) - 1;
  const schedules = await configuration.loadCalendarSchedules({
    fromYear: Math.min(fromYear, Number(input.opening.discoveredOn.slice(0, 4)) - 1),
  });
  calendar = WorkingCalendar.fromSchedules(schedules, { jurisdictionCode: input.opening.jurisdictionCode });

  if (!state) {
    const policy = await configuration.resolveEscalationPolicy({
      jurisdictionCode: input.opening.jurisdictionCode,
      listingLevel: input.import?.listing?.level ?? null,
    });
    const startedAt = new Date(workflowInfo().startTime).toISOString();
    const initial = input.import
      ? importedCaseState(input.opening, input.import, startedAt, policy, { calendar })
      : openedCaseState(input.opening, startedAt, policy, { calendar });
    state = initial;
    const opened: EventDraft = input.import
      ? {
          type: 'case_imported',
          data: { opening: input.opening, import: input.import, openingHash: input.openingHash },
          notifications: [],
        }
      : { type: 'case_opened', data: { opening: input.opening, openingHash: input.openingHash }, notifications: [] };
    await record([opened], initial, input.openedBy);
  }

  for (;;) {
    await withLock(async () => {
      const current = state as CaseState;
      if (pendingSchedules) {
        calendar = WorkingCalendar.fromSchedules(pendingSchedules, {
          jurisdictionCode: current.opening.jurisdictionCode,
        });
        pendingSchedules = undefined;
        const clocks = Object.fromEntries(
          Object.entries(current.clocks).map(([id, clock]) => [
            id,
            clock ? recomputeClock(calendar as WorkingCalendar, clock) : clock,
          ]),
        );
        const years = calendar.loadedYears;
        await record(
          [{ type: 'calendar_updated', data: { years: [years[0], years[years.length - 1]] }, notifications: [] }],
          { ...current, clocks },
          SYSTEM,
        );
      }
      const transition = advanceTime(state as CaseState, { now: Date.now(), calendar: calendarOrFail() });
      await record(transition.events, transition.state, SYSTEM);
    });

    const current = state;
    const wake = nextWakeAt(current, { calendar });
    if (isFinal(current) && wake === undefined) break;
    if (
      workflowInfo().historyLength > (input.continueAsNewAfter ?? CONTINUE_AS_NEW_HISTORY_LENGTH) ||
      workflowInfo().continueAsNewSuggested
    ) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof hazardCase>({
        ...input,
        resume: { state: current, recentEvents, keyedCommandResults: Object.fromEntries(keyedResults) },
      });
    }
    changed = false;
    if (wake !== undefined && wake !== timerTarget) {
      // One timer per wake-up instant, never cancelled: a command that moves the next wake-up leaves the
      // old timer to fire harmlessly instead of cancelling it.
      timerTarget = wake;
      void sleep(Math.max(wake - Date.now(), 1)).then(() => {
        if (timerTarget === wake) {
          timerTarget = undefined;
          changed = true;
        }
      });
    }
    await condition(() => changed);
  }

  await condition(allHandlersFinished);
  return state;
}

/** Runs a domain step, turning a rejected command into a non-retryable failure the caller receives. */
function rejectAsFailure<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof CommandRejectedError) {
      const details: CommandRejectionDetails = { code: error.code, zh: error.text.zh, en: error.text.en };
      throw ApplicationFailure.create({
        type: COMMAND_REJECTED,
        message: error.message,
        nonRetryable: true,
        details: [details],
      });
    }
    throw error;
  }
}
