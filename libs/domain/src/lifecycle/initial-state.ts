import type { CaseOpening } from '../case/hazard-case';
import type { CaseStage } from '../case/stage';
import type { EscalationPolicy } from '../escalation/policy';
import type { CaseState, ClockState } from './case-state';
import { settleClock, startClock } from './clocks';
import type { CommandPayloads } from './commands';
import type { TransitionContext } from './transitions';

/** Builds the state of a newly opened case: the handling-opinion and report clocks start at discovery. */
export function openedCaseState(
  opening: CaseOpening,
  openedAt: string,
  policy: EscalationPolicy,
  context: Pick<TransitionContext, 'calendar'>,
): CaseState {
  const from = opening.discoveredOn;
  return {
    caseNumber: opening.caseNumber,
    opening,
    stage: 'discovered',
    openedAt,
    lastSequence: 0,
    policy,
    deadlines: [],
    progressReports: [],
    reinspections: [],
    seals: [],
    clocks: {
      handling_opinion: startClock(context.calendar, 'handling_opinion', {
        kind: 'rule',
        rule: 'handling_opinion',
        from,
      }),
      report: startClock(context.calendar, 'report', { kind: 'rule', rule: 'handling_opinion', from }),
    },
    rungs: {},
    escalations: [],
    interviews: [],
  };
}

/** Stages a historic case can be imported at. */
export const IMPORT_STAGES = [
  'notice_served',
  'reported',
  'listed',
  'rectifying',
  'closed',
  'delisted',
] as const satisfies readonly CaseStage[];
export type ImportStage = (typeof IMPORT_STAGES)[number];

/** Facts a historic record states about a case, with its real dates. */
export interface CaseImport {
  readonly stage: ImportStage;
  readonly notice?: CommandPayloads['serve_notice'];
  readonly report?: CommandPayloads['report_to_government'];
  readonly listing?: CommandPayloads['list_case'];
  readonly closedOn?: string;
  readonly delistedOn?: string;
  /** Origin of the record for the audit trail: a notice's document number or URL. */
  readonly source: string;
}

/**
 * Builds the state of a case imported from a historic record. It enters at the stage the record
 * supports, with the record's dates; its rectification deadline runs from them, so a deadline that
 * passed long ago makes the case overdue at once. The brigade's own statutory clocks are not started
 * for history that happened before Duban.
 */
export function importedCaseState(
  opening: CaseOpening,
  record: CaseImport,
  importedAt: string,
  policy: EscalationPolicy,
  context: Pick<TransitionContext, 'calendar'>,
): CaseState {
  const deadline = record.listing?.deadline ?? record.notice?.deadline;
  const clocks: Partial<Record<'rectification' | 'progress_report', ClockState>> = {};
  const open = ['notice_served', 'reported', 'listed', 'rectifying'].includes(record.stage);
  if (deadline && open)
    clocks.rectification = startClock(context.calendar, 'rectification', { kind: 'absolute', date: deadline });
  if (record.listing && record.listing.reportingIntervalMonths > 0 && open) {
    clocks.progress_report = startClock(context.calendar, 'progress_report', {
      kind: 'months',
      from: record.listing.listedOn,
      months: record.listing.reportingIntervalMonths,
    });
  }
  if (!open && clocks.rectification) clocks.rectification = settleClock(clocks.rectification, 'met', importedAt);
  const listing = record.listing
    ? {
        ...record.listing,
        levelHistory: [{ level: record.listing.level, government: record.listing.government, at: importedAt }],
      }
    : undefined;
  return {
    caseNumber: opening.caseNumber,
    opening,
    stage: record.stage,
    openedAt: importedAt,
    lastSequence: 0,
    imported: { at: importedAt, stage: record.stage },
    policy,
    ...(record.notice ? { notice: record.notice } : {}),
    ...(record.report ? { report: record.report } : {}),
    ...(listing ? { listing } : {}),
    deadlines: [
      ...(record.notice ? [{ deadline: record.notice.deadline, setBy: 'notice' as const, setAt: importedAt }] : []),
      ...(record.listing ? [{ deadline: record.listing.deadline, setBy: 'listing' as const, setAt: importedAt }] : []),
    ],
    progressReports: [],
    reinspections: [],
    seals: [],
    clocks,
    rungs: {},
    escalations: [],
    interviews: [],
    ...(record.closedOn ? { closedAt: `${record.closedOn}T00:00:00+08:00` } : {}),
    ...(record.delistedOn ? { delistedAt: `${record.delistedOn}T00:00:00+08:00` } : {}),
  };
}
