import { createHash, randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';

import { canonicalJson, SYSTEM_ACTOR, type CaseOpening, type CaseState } from '@duban/domain';
import { CaseQueryRepository, IdempotencyKeyRepository } from '@duban/persistence';
import {
  CASE_NUMBER_TAKEN,
  confirmOpenedUpdate,
  HAZARD_CASE_WORKFLOW_TYPE,
  type HazardCaseInput,
} from '@duban/temporal';

import { API_CONFIG, TEMPORAL_CLIENT, type ApiConfig } from '../api.config';
import { ApiProblem } from '../problems/problem';
import { decodeCursor, encodeCursor } from './case-cursor';
import { toCaseResponse, type CaseListResponse, type CaseResponse } from './dto/case.response';
import { DEFAULT_PAGE_SIZE, type ListCasesQuery } from './dto/list-cases.query';
import type { OpenCaseDto } from './dto/open-case.dto';

type HazardCaseWorkflow = (input: HazardCaseInput) => Promise<CaseState>;

export interface OpenCaseResult {
  /** True when this request opened the case; false when it found the same case already open. */
  readonly created: boolean;
  /** True when an Idempotency-Key matched an earlier request. */
  readonly replayed: boolean;
  readonly body: CaseResponse;
}

@Injectable()
export class CasesService {
  private readonly logger = new Logger(CasesService.name);

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly cases: CaseQueryRepository,
    private readonly idempotencyKeys: IdempotencyKeyRepository,
  ) {}

  /**
   * Opens a case by starting its workflow with the case number as workflow id, and returns once the
   * opening is in the read model. Repeating the same opening returns the existing case.
   */
  async open(dto: OpenCaseDto, idempotencyKey: string | undefined): Promise<OpenCaseResult> {
    const opening = toOpening(dto);
    const openingHash = createHash('sha256').update(canonicalJson(opening)).digest('hex');

    let replayed = false;
    if (idempotencyKey !== undefined) {
      const { stored, claimedNow } = await this.idempotencyKeys.claim(idempotencyKey, openingHash, opening.caseNumber);
      if (stored.requestHash !== openingHash) {
        throw new ApiProblem('idempotency_key_reused', {
          zh: `幂等键 ${idempotencyKey} 已用于案件 ${stored.caseNumber} 的另一份请求；新请求请使用新的幂等键`,
          en: `Idempotency-Key ${idempotencyKey} was used for a different request (case ${stored.caseNumber}); send a new key for a new request`,
        });
      }
      replayed = !claimedNow;
    }

    const created = await this.startOrConfirm(opening, openingHash);
    const row = await this.cases.findByCaseNumber(opening.caseNumber);
    if (!row) throw new Error(`case ${opening.caseNumber} is missing from the read model after its opening returned`);
    if (created) this.logger.log(`opened case ${opening.caseNumber} in ${opening.jurisdictionCode}`);
    return { created, replayed, body: toCaseResponse(row) };
  }

  async get(caseNumber: string): Promise<CaseResponse> {
    const row = await this.cases.findByCaseNumber(caseNumber);
    if (!row) throw caseNotFound(caseNumber);
    return toCaseResponse(row);
  }

  async list(query: ListCasesQuery): Promise<CaseListResponse> {
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const page = await this.cases.listNewestFirst(query.limit ?? DEFAULT_PAGE_SIZE, after);
    return { items: page.items.map(toCaseResponse), nextCursor: page.next ? encodeCursor(page.next) : null };
  }

  private async startOrConfirm(opening: CaseOpening, openingHash: string): Promise<boolean> {
    const openRequestId = randomUUID();
    const input: HazardCaseInput = { opening, openedBy: SYSTEM_ACTOR, openingHash, openRequestId };
    const startWorkflowOperation = new WithStartWorkflowOperation<HazardCaseWorkflow>(HAZARD_CASE_WORKFLOW_TYPE, {
      workflowId: opening.caseNumber,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    try {
      const result = await this.temporal.workflow.executeUpdateWithStart(confirmOpenedUpdate, {
        args: [{ openRequestId, openingHash }],
        startWorkflowOperation,
      });
      return result.created;
    } catch (error) {
      if (isCaseNumberTaken(error)) throw caseNumberTaken(opening.caseNumber);
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        // The case's workflow has ended, so only the read model can tell a repeat from a clash.
        const existing = await this.cases.findByCaseNumber(opening.caseNumber);
        if (existing && existing.openingHash === openingHash) return false;
        throw caseNumberTaken(opening.caseNumber);
      }
      throw error;
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

function caseNumberTaken(caseNumber: string): ApiProblem {
  return new ApiProblem('case_number_taken', {
    zh: `案件编号 ${caseNumber} 已用于另一起内容不同的案件；请换用新的案件编号，或查询 GET /cases/${caseNumber}`,
    en: `Case number ${caseNumber} belongs to a case with different details; use a new case number, or read GET /cases/${caseNumber}`,
  });
}

export function caseNotFound(caseNumber: string): ApiProblem {
  return new ApiProblem('case_not_found', {
    zh: `没有编号为 ${caseNumber} 的案件`,
    en: `No case has the number ${caseNumber}`,
  });
}

function toOpening(dto: OpenCaseDto): CaseOpening {
  return {
    caseNumber: dto.caseNumber,
    responsibleUnit: { name: dto.responsibleUnit.name.trim(), creditCode: dto.responsibleUnit.creditCode },
    jurisdictionCode: dto.jurisdictionCode,
    placeType: dto.placeType,
    address: dto.address.trim(),
    discoveredOn: dto.discoveredOn,
    discoverySource: dto.discoverySource,
    hazardItems: dto.hazardItems.map((item) => ({
      description: item.description.trim(),
      ...(item.location?.trim() ? { location: item.location.trim() } : {}),
    })),
  };
}
