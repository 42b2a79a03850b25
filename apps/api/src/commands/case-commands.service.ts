import { createHash } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';

import { canonicalJson, COMMAND_ROLES, type Actor, type CaseCommand } from '@duban/domain';
import { CaseQueryRepository, IdempotencyKeyRepository } from '@duban/persistence';
import {
  COMMAND_REJECTED,
  executeCommandUpdate,
  KEYED_COMMAND_UPDATE_PREFIX,
  type CommandRejectionDetails,
} from '@duban/temporal';

import { TEMPORAL_CLIENT } from '../api.config';
import { visibleCase } from '../cases/case-access';
import { toCaseDetailResponse, type CaseDetailResponse } from '../cases/dto/case.response';
import type { Language } from '../problems/language';
import { whileDatabaseReachable } from '../problems/database-watch';
import { ApiProblem, RETRY_AFTER_SECONDS, type Localized, type ProblemCode } from '../problems/problem';
import { scopedIdempotencyKey } from '../validation/parameters';

export interface CommandResult {
  /** Sequence numbers of the events the command recorded. */
  readonly sequences: readonly number[];
  readonly case: CaseDetailResponse;
}

/** HTTP problem code for each rejection code of the workflow. */
const REJECTION_PROBLEMS: Record<string, ProblemCode> = {
  forbidden_role: 'forbidden',
  outside_jurisdiction: 'case_not_found',
  wrong_stage: 'command_rejected',
  conflict: 'command_rejected',
  invalid_payload: 'invalid_command',
};

/** Sends lifecycle commands to case workflows as updates and returns the case as the read model has it after. */
@Injectable()
export class CaseCommandsService {
  private readonly logger = new Logger(CaseCommandsService.name);

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly cases: CaseQueryRepository,
    private readonly idempotencyKeys: IdempotencyKeyRepository,
  ) {}

  /**
   * Sends the command as an update and returns the case after it. With an Idempotency-Key the update
   * carries an id derived from it, so Temporal runs a repeat once and returns the first outcome.
   */
  async execute(
    caseNumber: string,
    actor: Actor,
    command: CaseCommand,
    language: Language,
    idempotencyKey?: string,
  ): Promise<CommandResult> {
    visibleCase(actor, caseNumber, await this.cases.findByCaseNumber(caseNumber));
    if (actor.kind === 'user' && !(COMMAND_ROLES[command.type] as readonly string[]).includes(actor.role ?? '')) {
      const roles = COMMAND_ROLES[command.type];
      throw new ApiProblem('forbidden', {
        zh: `角色 ${actor.role ?? '（无）'} 不能执行 ${command.type}；可执行的角色：${roles.join('、')}`,
        en: `role ${actor.role ?? '(none)'} may not issue ${command.type}; allowed roles: ${roles.join(', ')}`,
      });
    }
    const updateId =
      idempotencyKey === undefined ? undefined : await this.claimKey(actor, idempotencyKey, caseNumber, command);
    let sequences: readonly number[];
    try {
      // The update returns only once its events are in the read model, so it waits out a database outage
      // unless the watch ends the wait with a 503.
      const result = await whileDatabaseReachable(
        (signal) =>
          this.temporal.withAbortSignal(signal, () =>
            this.temporal.workflow
              .getHandle(caseNumber)
              .executeUpdate(executeCommandUpdate, { args: [{ command, actor }], ...(updateId ? { updateId } : {}) }),
          ),
        () => this.cases.ping(),
        commandInFlight(caseNumber, command.type, idempotencyKey !== undefined),
      );
      sequences = result.sequences;
    } catch (error) {
      throw this.toProblem(error, caseNumber, command);
    }
    const row = await this.cases.findByCaseNumber(caseNumber);
    if (!row) throw new Error(`case ${caseNumber} is missing from the read model after a command returned`);
    this.logger.log(
      `${command.type} on ${caseNumber} by ${actor.id} recorded events ${sequences.join(', ') || 'none'}`,
    );
    return { sequences, case: toCaseDetailResponse(row, language) };
  }

  /**
   * Records the key with a hash of the request and returns the update id for it, or rejects a key
   * already used for a different request. The workflow returns the first result to a repeat of one of
   * its latest keyed commands, in the same run and after continue-as-new.
   */
  private async claimKey(actor: Actor, key: string, caseNumber: string, command: CaseCommand): Promise<string> {
    const scoped = scopedIdempotencyKey(actor, key);
    const requestHash = createHash('sha256').update(canonicalJson({ caseNumber, command })).digest('hex');
    const { stored } = await this.idempotencyKeys.claim(scoped, requestHash, caseNumber);
    if (stored.requestHash !== requestHash) {
      throw new ApiProblem('idempotency_key_reused', {
        zh: `幂等键 ${key} 已用于另一份请求（案件 ${stored.caseNumber}）；新请求请使用新的幂等键`,
        en: `Idempotency-Key ${key} was used for a different request (case ${stored.caseNumber}); send a new key for a new request`,
      });
    }
    return `${KEYED_COMMAND_UPDATE_PREFIX}${createHash('sha256').update(scoped).digest('hex')}`;
  }

  private toProblem(error: unknown, caseNumber: string, command: CaseCommand): unknown {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      if (error.cause.type === COMMAND_REJECTED) {
        const details = error.cause.details?.[0] as CommandRejectionDetails | undefined;
        const code = REJECTION_PROBLEMS[details?.code ?? ''] ?? 'command_rejected';
        return new ApiProblem(code, { zh: details?.zh ?? error.cause.message, en: details?.en ?? error.cause.message });
      }
    }
    const message = error instanceof Error ? error.message : '';
    if (error instanceof WorkflowNotFoundError || /workflow execution already completed/i.test(message)) {
      return new ApiProblem('command_rejected', {
        zh: `案件 ${caseNumber} 已终结，不能再执行 ${command.type}`,
        en: `Case ${caseNumber} has ended, so ${command.type} no longer applies`,
      });
    }
    return error;
  }
}

function commandInFlight(caseNumber: string, type: string, keyed: boolean): Localized {
  const then = keyed
    ? {
        zh: `请于 ${RETRY_AFTER_SECONDS} 秒后以同一幂等键重发，以取得其结果`,
        en: `in ${RETRY_AFTER_SECONDS} seconds, repeat it with the same Idempotency-Key to get its result`,
      }
    : {
        zh: `请于 ${RETRY_AFTER_SECONDS} 秒后先查看 GET /cases/${caseNumber}/events，确认未生效再重发，否则可能执行两次`,
        en: `in ${RETRY_AFTER_SECONDS} seconds, read GET /cases/${caseNumber}/events before sending it again, or it may take effect twice`,
      };
  return {
    zh: `命令 ${type} 等待案件 ${caseNumber} 记录时无法访问数据库。命令已送达案件，数据库恢复后可能生效；${then.zh}`,
    en: `The database could not be reached while ${type} waited for case ${caseNumber} to record it. The command reached the case and may take effect once the database is back; ${then.en}`,
  };
}
