import { createHash, randomUUID } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';

import {
  canonicalJson,
  isWithinJurisdiction,
  jurisdictionPrefix,
  OPEN_CASE_ROLES,
  type Actor,
  type CaseOpening,
  type CaseState,
  type Role,
} from '@duban/domain';
import {
  CaseQueryRepository,
  DirectoryRepository,
  IdempotencyKeyRepository,
  type CaseListFilter,
} from '@duban/persistence';
import {
  CASE_NUMBER_TAKEN,
  confirmOpenedUpdate,
  HAZARD_CASE_WORKFLOW_TYPE,
  type HazardCaseInput,
} from '@duban/temporal';

import { API_CONFIG, TEMPORAL_CLIENT, type ApiConfig } from '../api.config';
import type { Language } from '../problems/language';
import { whileDatabaseReachable } from '../problems/database-watch';
import { ApiProblem, RETRY_AFTER_SECONDS, type Localized } from '../problems/problem';
import { RequestValidationError } from '../problems/request-validation.error';
import { referenceNotUsable } from '../directory/directory-checks';
import { decodeCursor, encodeCursor } from './case-cursor';
import { scopedIdempotencyKey } from '../validation/parameters';
import { visibilityOf, visibleCase } from './case-access';
import {
  toCaseDetailResponse,
  toCaseEventResponse,
  toCaseResponse,
  type CaseDetailResponse,
  type CaseEventResponse,
  type CaseListResponse,
  type CaseResponse,
} from './dto/case.response';
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
    private readonly directory: DirectoryRepository,
  ) {}

  /**
   * Opens a case by starting its workflow with the case number as workflow id, and returns once the
   * opening is in the read model. Repeating the same opening returns the existing case.
   */
  async open(dto: OpenCaseDto, idempotencyKey: string | undefined, actor: Actor): Promise<OpenCaseResult> {
    authorizeOpening(actor, dto.jurisdictionCode);
    await this.requireActiveJurisdiction(dto.jurisdictionCode);
    const opening = toOpening(dto);
    const openingHash = createHash('sha256').update(canonicalJson(opening)).digest('hex');

    let replayed = false;
    if (idempotencyKey !== undefined) {
      const { stored, claimedNow } = await this.idempotencyKeys.claim(
        scopedIdempotencyKey(actor, idempotencyKey),
        openingHash,
        opening.caseNumber,
      );
      if (stored.requestHash !== openingHash) {
        throw new ApiProblem('idempotency_key_reused', {
          zh: `幂等键 ${idempotencyKey} 已用于案件 ${stored.caseNumber} 的另一份请求；新请求请使用新的幂等键`,
          en: `Idempotency-Key ${idempotencyKey} was used for a different request (case ${stored.caseNumber}); send a new key for a new request`,
        });
      }
      replayed = !claimedNow;
    }

    // Without a database the ping fails, which the problem filter turns into a 503, before the workflow
    // starts. A database that stops later is caught by the watch around the update.
    if (idempotencyKey === undefined) await this.cases.ping();
    const created = await this.startOrConfirm(opening, openingHash, actor);
    const row = await this.cases.findByCaseNumber(opening.caseNumber);
    if (!row) throw new Error(`case ${opening.caseNumber} is missing from the read model after its opening returned`);
    if (created) this.logger.log(`opened case ${opening.caseNumber} in ${opening.jurisdictionCode}`);
    return { created, replayed, body: toCaseResponse(row) };
  }

  /**
   * Rejects a jurisdiction code that is well formed but not in the jurisdictions table, or marked
   * inactive there, because a case in it would be outside every user's tree of divisions.
   * NOTE: POST /imports does not make this check. Its regions map to the same division data, and the
   * historical cases of a division merged since then still import.
   */
  private async requireActiveJurisdiction(code: string): Promise<void> {
    const jurisdiction = await this.directory.findJurisdiction(code);
    if (!jurisdiction) throw referenceNotUsable('jurisdictionCode', 'knownJurisdiction', { value: code });
    if (!jurisdiction.active) {
      throw referenceNotUsable('jurisdictionCode', 'activeJurisdiction', { value: code, name: jurisdiction.name });
    }
  }

  async get(caseNumber: string, actor: Actor, language: Language): Promise<CaseDetailResponse> {
    const row = visibleCase(actor, caseNumber, await this.cases.findByCaseNumber(caseNumber));
    return toCaseDetailResponse(row, language);
  }

  async events(caseNumber: string, actor: Actor): Promise<CaseEventResponse[]> {
    visibleCase(actor, caseNumber, await this.cases.findByCaseNumber(caseNumber));
    return (await this.cases.events(caseNumber)).map(toCaseEventResponse);
  }

  async list(query: ListCasesQuery, actor: Actor): Promise<CaseListResponse> {
    const sort = query.sort ?? 'opened_desc';
    const after = query.cursor === undefined ? undefined : decodeCursor(sort, query.cursor);
    const filter: CaseListFilter = {
      ...(query.stage ? { stages: query.stage } : {}),
      ...(query.jurisdiction ? { jurisdictionPrefix: jurisdictionPrefix(query.jurisdiction) } : {}),
      ...(query.listingLevel ? { listingLevel: query.listingLevel } : {}),
      ...(query.placeType ? { placeType: query.placeType } : {}),
      ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
      ...(query.deadlineFrom ? { deadlineFrom: query.deadlineFrom } : {}),
      ...(query.deadlineTo ? { deadlineTo: query.deadlineTo } : {}),
      ...(query.unit ? { unitCreditCode: query.unit } : {}),
    };
    const visibility = visibilityOf(actor);
    const [page, total] = await Promise.all([
      this.cases.list(visibility, filter, sort, query.limit ?? DEFAULT_PAGE_SIZE, after),
      this.cases.count(visibility, filter),
    ]);
    return {
      items: page.items.map(toCaseResponse),
      total,
      nextCursor: page.next ? encodeCursor(sort, page.next) : null,
    };
  }

  private async startOrConfirm(opening: CaseOpening, openingHash: string, actor: Actor): Promise<boolean> {
    const openRequestId = randomUUID();
    const input: HazardCaseInput = { opening, openedBy: actor, openingHash, openRequestId };
    const startWorkflowOperation = new WithStartWorkflowOperation<HazardCaseWorkflow>(HAZARD_CASE_WORKFLOW_TYPE, {
      workflowId: opening.caseNumber,
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    try {
      const result = await whileDatabaseReachable(
        (signal) =>
          this.temporal.withAbortSignal(signal, () =>
            this.temporal.workflow.executeUpdateWithStart(confirmOpenedUpdate, {
              args: [{ openRequestId, openingHash }],
              startWorkflowOperation,
            }),
          ),
        () => this.cases.ping(),
        openingInFlight(opening.caseNumber),
      );
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

function openingInFlight(caseNumber: string): Localized {
  return {
    zh: `案件 ${caseNumber} 等待记录立案时无法访问数据库。立案已送达，数据库恢复后案件可能已建立；请于 ${RETRY_AFTER_SECONDS} 秒后查询 GET /cases/${caseNumber}，或原样重发同一请求`,
    en: `The database could not be reached while case ${caseNumber} waited to record its opening. The opening was sent, and the case may exist once the database is back; in ${RETRY_AFTER_SECONDS} seconds, read GET /cases/${caseNumber} or repeat the same request`,
  };
}

function caseNumberTaken(caseNumber: string): ApiProblem {
  return new ApiProblem('case_number_taken', {
    zh: `案件编号 ${caseNumber} 已用于另一起内容不同的案件；请换用新的案件编号，或查询 GET /cases/${caseNumber}`,
    en: `Case number ${caseNumber} belongs to a case with different details; use a new case number, or read GET /cases/${caseNumber}`,
  });
}

function authorizeOpening(actor: Actor, jurisdictionCode: string): void {
  if (actor.kind === 'system') return;
  if (actor.role === undefined || !OPEN_CASE_ROLES.includes(actor.role as Role)) {
    throw new ApiProblem('forbidden', {
      zh: `角色 ${actor.role ?? '（无）'} 不能立案；立案由消防监督员或消防救援机构负责人办理`,
      en: `role ${actor.role ?? '(none)'} may not open cases; inspectors and brigade leaders open them`,
    });
  }
  if (!actor.jurisdictionCode || !isWithinJurisdiction(jurisdictionCode, actor.jurisdictionCode)) {
    throw new RequestValidationError([
      {
        field: 'jurisdictionCode',
        constraint: 'isWithinCallerJurisdiction',
        params: { scope: actor.jurisdictionCode ?? '' },
      },
    ]);
  }
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
