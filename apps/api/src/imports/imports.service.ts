import { randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';

import { chinaDateOf, isWithinJurisdiction, type Actor, type CaseState, type ImportStage } from '@duban/domain';
import {
  buildCases,
  parseRow,
  type ImportedCase,
  type ParsedRow,
  type RowIssue,
  type SourceTable,
} from '@duban/import';
import { CaseQueryRepository } from '@duban/persistence';
import {
  CASE_NUMBER_TAKEN,
  confirmOpenedUpdate,
  HAZARD_CASE_WORKFLOW_TYPE,
  type HazardCaseInput,
} from '@duban/temporal';

import { API_CONFIG, TEMPORAL_CLIENT, type ApiConfig } from '../api.config';
import type { Language } from '../problems/language';
import { ImportRejectedError } from './import-rejected';

type HazardCaseWorkflow = (input: HazardCaseInput) => Promise<CaseState>;

/**
 * Case workflows started at once. Each start is an update-with-start that waits for the case's first
 * projection, so the bound keeps a large file from flooding Temporal and PostgreSQL.
 */
export const IMPORT_CONCURRENCY = 16;

/** A file checked row by row, before anything is written. */
export interface ValidatedImport {
  readonly rows: number;
  /** Headers the template does not know, which the import ignored. */
  readonly ignoredColumns: readonly string[];
  readonly cases: readonly ImportedCase[];
  readonly issues: readonly RowIssue[];
  readonly invalidRows: number;
}

export type CaseStartStatus = 'created' | 'existing' | 'conflict' | 'failed';

/** Outcome of starting one case of an import. */
export interface CaseStartResult {
  readonly caseNumber: string;
  readonly rows: readonly number[];
  readonly stage: ImportStage;
  readonly status: CaseStartStatus;
  readonly notes: readonly string[];
  readonly message?: string;
}

@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly cases: CaseQueryRepository,
  ) {}

  /**
   * Checks every row, including that its jurisdiction lies within the caller's, and groups valid rows
   * into cases. Throws ImportRejectedError when a row is invalid and `skipInvalid` is false.
   */
  validate(table: SourceTable, actor: Actor, skipInvalid: boolean, now = new Date()): ValidatedImport {
    const today = chinaDateOf(now);
    const parsed: ParsedRow[] = [];
    const issues: RowIssue[] = [];
    for (const source of table.rows) {
      const result = parseRow(source, { today });
      if ('issues' in result) {
        issues.push(...result.issues);
        continue;
      }
      const scope = actor.jurisdictionCode;
      if (scope === undefined || !isWithinJurisdiction(result.row.jurisdictionCode, scope)) {
        issues.push({
          row: source.row,
          column: source.values.jurisdiction_code ? 'jurisdiction_code' : 'region',
          value: result.row.regionAsStated,
          message: {
            zh: `该行属区划 ${result.row.jurisdictionCode}，不在您的管辖范围 ${scope ?? '（无）'} 内：请由该辖区的用户导入，或删除该行`,
            en: `the row belongs to ${result.row.jurisdictionCode}, outside your jurisdiction ${scope ?? '(none)'}: have a user of that jurisdiction import it, or remove the row`,
          },
        });
        continue;
      }
      parsed.push(result.row);
    }

    const built = buildCases(parsed);
    issues.push(...built.issues);
    issues.sort((a, b) => a.row - b.row);
    const invalid = new Set(issues.map((issue) => issue.row));
    const validCases = built.cases.filter((c) => !c.rows.some((row) => invalid.has(row)));
    const invalidRows = invalid.size;
    if (invalidRows > 0 && !skipInvalid) {
      throw new ImportRejectedError(issues, {
        totalRows: table.rows.length,
        validRows: table.rows.length - invalidRows,
        invalidRows,
      });
    }
    return {
      rows: table.rows.length,
      ignoredColumns: table.header.ignored,
      cases: validCases,
      issues,
      invalidRows,
    };
  }

  /**
   * Starts the workflow of each case, at most IMPORT_CONCURRENCY at a time, calling `onCase` as each
   * finishes. Starting is idempotent: a case already imported from the same rows reports `existing`.
   * Stops starting new cases once `isAborted` returns true (the client went away).
   */
  async start(
    cases: readonly ImportedCase[],
    actor: Actor,
    language: Language,
    onCase: (result: CaseStartResult) => void,
    isAborted: () => boolean = () => false,
  ): Promise<CaseStartResult[]> {
    const results: CaseStartResult[] = [];
    let next = 0;
    const lane = async () => {
      for (let index = next++; index < cases.length && !isAborted(); index = next++) {
        const imported = cases[index] as ImportedCase;
        const result = await this.startOne(imported, actor, language);
        results.push(result);
        onCase(result);
      }
    };
    await Promise.all(Array.from({ length: Math.min(IMPORT_CONCURRENCY, cases.length) }, lane));
    const created = results.filter((r) => r.status === 'created').length;
    this.logger.log(
      `import by ${actor.id}: ${created} cases created, ${results.length - created} not created, of ${cases.length}${isAborted() ? ' (client went away, import stopped)' : ''}`,
    );
    return results;
  }

  private async startOne(imported: ImportedCase, actor: Actor, language: Language): Promise<CaseStartResult> {
    const base = {
      caseNumber: imported.caseNumber,
      rows: imported.rows,
      stage: imported.stage,
      notes: (imported.opening.source?.notes ?? []).map((note) => note[language]),
    };
    const openRequestId = randomUUID();
    const input: HazardCaseInput = {
      opening: imported.opening,
      openedBy: actor,
      openingHash: imported.openingHash,
      openRequestId,
      import: imported.record,
    };
    const startWorkflowOperation = new WithStartWorkflowOperation<HazardCaseWorkflow>(HAZARD_CASE_WORKFLOW_TYPE, {
      workflowId: imported.caseNumber,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    try {
      const result = await this.temporal.workflow.executeUpdateWithStart(confirmOpenedUpdate, {
        args: [{ openRequestId, openingHash: imported.openingHash }],
        startWorkflowOperation,
      });
      return { ...base, status: result.created ? 'created' : 'existing' };
    } catch (error) {
      if (isCaseNumberTaken(error))
        return { ...base, status: 'conflict', message: conflictMessage(imported, language) };
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        // The case's workflow has ended (a delisted case), so only the read model can tell a repeat from a clash.
        const existing = await this.cases.findByCaseNumber(imported.caseNumber);
        if (existing?.openingHash === imported.openingHash) return { ...base, status: 'existing' };
        return { ...base, status: 'conflict', message: conflictMessage(imported, language) };
      }
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.error(`import could not start case ${imported.caseNumber}: ${reason}`);
      return {
        ...base,
        status: 'failed',
        message:
          language === 'zh'
            ? `启动案件失败：${reason}。再次导入同一文件会补上未启动的案件`
            : `The case could not be started: ${reason}. Importing the same file again starts the missing cases`,
      };
    }
  }
}

function isCaseNumberTaken(error: unknown): boolean {
  return (
    error instanceof WorkflowUpdateFailedError &&
    error.cause instanceof ApplicationFailure &&
    error.cause.type === CASE_NUMBER_TAKEN
  );
}

function conflictMessage(imported: ImportedCase, language: Language): string {
  return language === 'zh'
    ? `案件 ${imported.caseNumber} 已存在且内容不同（此前由其他行或其他通知导入）；本行未导入。请在案件中以命令更新，或核对单位与地区`
    : `Case ${imported.caseNumber} already exists with different details (imported earlier from other rows or notices), so these rows were not imported. Update the case with commands, or check the unit and region`;
}
