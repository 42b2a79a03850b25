import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

import type { Actor, CaseCommand, CommandPayloads, CommandType } from '@duban/domain';

import { CurrentActor } from '../auth/current-actor.decorator';
import { RequestLanguage, type Language } from '../problems/language';
import { CaseNumberPipe, IdempotencyKey } from '../validation/parameters';
import { CaseCommandsService, type CommandResult } from './case-commands.service';
import {
  AcknowledgeEscalationBody,
  ApplySealBody,
  CommandBody,
  DecideExposureBody,
  DecideExtensionBody,
  LiftSealBody,
  ListCaseBody,
  ProgressReportBody,
  RaiseListingLevelBody,
  ReasonRequiredBody,
  RecordDeterminationBody,
  RecordHazardItemsBody,
  RecordInterviewBody,
  ScheduleInterviewBody,
  RecordReinspectionBody,
  ReportToGovernmentBody,
  RequestExtensionBody,
  ServeNoticeBody,
  SubmitPlanBody,
} from './command.dtos';

function command<K extends CommandType>(type: K, body: CommandBody, payload: CommandPayloads[K]): CaseCommand {
  return { type, payload, ...(body.reason ? { reason: body.reason } : {}) } as CaseCommand;
}

function without<T extends CommandBody>(body: T): Omit<T, 'reason'> {
  const { reason: _reason, ...payload } = body;
  return payload;
}

/**
 * Lifecycle commands (案件办理命令). Each is one update of the case workflow, which returns after its
 * events are in the read model. A command that does not fit the case is rejected: 403 for a role that
 * may not issue it, 404 for a case outside the caller's scope, 409 for the wrong stage, 422 for a
 * payload that breaks a rule.
 */
@ApiTags('case commands (案件办理)')
@ApiBearerAuth()
@ApiOkResponse({ description: 'The command was recorded; the body contains the event sequence numbers and the case' })
@ApiForbiddenResponse({ description: 'Your role may not issue this command' })
@ApiNotFoundResponse({ description: 'No case has this number within your scope' })
@ApiConflictResponse({ description: 'The command does not fit the stage of the case' })
@ApiUnprocessableEntityResponse({
  description: 'The payload breaks a rule of the command, or the Idempotency-Key was used for a different request',
})
@ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description:
    'Key (幂等键) of 1 to 200 visible ASCII characters: a repeat with the same key and body returns the first result without recording the command again',
})
@Controller('cases/:caseNumber')
export class CaseCommandsController {
  constructor(private readonly commands: CaseCommandsService) {}

  private run(
    caseNumber: string,
    actor: Actor,
    language: Language,
    idempotencyKey: string | undefined,
    cmd: CaseCommand,
  ): Promise<CommandResult> {
    return this.commands.execute(caseNumber, actor, cmd, language, idempotencyKey);
  }

  @Post('hazard-items')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Record more hazard items (记录隐患项) — inspector, brigade leader' })
  recordHazardItems(
    @Param('caseNumber', CaseNumberPipe) n: string,
    @Body() body: RecordHazardItemsBody,
    @CurrentActor() a: Actor,
    @RequestLanguage() l: Language,
    @IdempotencyKey() k: string | undefined,
  ) {
    return this.run(n, a, l, k, command('record_hazard_items', body, { items: body.items }));
  }

  @Post('determination/start')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Start the determination (启动判定) — inspector, brigade leader' })
  startDetermination(
    @Param('caseNumber', CaseNumberPipe) n: string,
    @Body() body: CommandBody,
    @CurrentActor() a: Actor,
    @RequestLanguage() l: Language,
    @IdempotencyKey() k: string | undefined,
  ) {
    return this.run(n, a, l, k, command('start_determination', body, {}));
  }

  @Post('determination')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Record the collective determination (集体讨论判定) — brigade leader' })
  recordDetermination(
    @Param('caseNumber', CaseNumberPipe) n: string,
    @Body() body: RecordDeterminationBody,
    @CurrentActor() a: Actor,
    @RequestLanguage() l: Language,
    @IdempotencyKey() k: string | undefined,
  ) {
    return this.run(n, a, l, k, command('record_determination', body, without(body)));
  }

  @Post('notice')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Serve the rectification notice (送达整改通知书) — inspector, brigade leader' })
  serveNotice(
    @Param('caseNumber', CaseNumberPipe) n: string,
    @Body() body: ServeNoticeBody,
    @CurrentActor() a: Actor,
    @RequestLanguage() l: Language,
    @IdempotencyKey() k: string | undefined,
  ) {
    return this.run(n, a, l, k, command('serve_notice', body, without(body)));
  }

  @Post('government-report')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Report to the government (报告本级人民政府) — inspector, brigade leader' })
  reportToGovernment(
    @Param('caseNumber', CaseNumberPipe) n: string,
    @Body() body: ReportToGovernmentBody,
    @CurrentActor() a: Actor,
    @RequestLanguage() l: Language,
    @IdempotencyKey() k: string | undefined,
  ) {
    return this.run(n, a, l, k, command('report_to_government', body, without(body)));
  }

  @Post('seals')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Apply a temporary seal (临时查封), at most 30 days — inspector, brigade leader' })
  applySeal(
    @Param('caseNumber', CaseNumberPipe) n: string,
    @Body() body: ApplySealBody,
    @CurrentActor() a: Actor,
    @RequestLanguage() l: Language,
    @IdempotencyKey() k: string | undefined,
  ) {
    return this.run(n, a, l, k, command('apply_seal', body, without(body)));
  }

  @Post('seals/lift')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Lift the active seal (解除查封) — inspector, brigade leader' })
  liftSeal(
    @Param('caseNumber', CaseNumberPipe) n: string,
    @Body() body: LiftSealBody,
    @CurrentActor() a: Actor,
    @RequestLanguage() l: Language,
    @IdempotencyKey() k: string | undefined,
  ) {
    return this.run(n, a, l, k, command('lift_seal', body, without(body)));
  }

  @Post('listing')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'List the case (挂牌督办) — government leader' })
  list(
    @Param('caseNumber', CaseNumberPipe) n: string,
    @Body() body: ListCaseBody,
    @CurrentActor() a: Actor,
    @RequestLanguage() l: Language,
    @IdempotencyKey() k: string | undefined,
  ) {
    return this.run(n, a, l, k, command('list_case', body, without(body)));
  }

  @Post('listing/level')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Raise the listing level (提级挂牌) — government leader' })
  raiseListingLevel(
    @Param('caseNumber', CaseNumberPipe) n: string,
    @Body() body: RaiseListingLevelBody,
    @CurrentActor() a: Actor,
    @RequestLanguage() l: Language,
    @IdempotencyKey() k: string | undefined,
  ) {
    return this.run(n, a, l, k, command('raise_listing_level', body, without(body)));
  }

  @Post('plan')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Submit the rectification plan (提交整改方案) — unit' })
  submitPlan(
    @Param('caseNumber', CaseNumberPipe) n: string,
    @Body() body: SubmitPlanBody,
    @CurrentActor() a: Actor,
    @RequestLanguage() l: Language,
    @IdempotencyKey() k: string | undefined,
  ) {
    return this.run(n, a, l, k, command('submit_plan', body, { plan: body.plan }));
  }

  @Post('progress-reports')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Submit a progress report (报送整改进展) — unit' })
  submitProgressReport(
    @Param('caseNumber', CaseNumberPipe) n: string,
    @Body() body: ProgressReportBody,
    @CurrentActor() a: Actor,
    @RequestLanguage() l: Language,
    @IdempotencyKey() k: string | undefined,
  ) {
    return this.run(n, a, l, k, command('submit_progress_report', body, { summary: body.summary }));
  }

  @Post('extension-requests')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Request an extension (申请延期) — unit' })
  requestExtension(
    @Param('caseNumber', CaseNumberPipe) n: string,
    @Body() body: RequestExtensionBody,
    @CurrentActor() a: Actor,
    @RequestLanguage() l: Language,
    @IdempotencyKey() k: string | undefined,
  ) {
    return this.run(n, a, l, k, command('request_extension', body, without(body)));
  }

  @Post('extension-requests/decision')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Approve or reject the pending extension (审批延期) — listing government leader, or the brigade leader of an unlisted case',
  })
  decideExtension(
    @Param('caseNumber', CaseNumberPipe) n: string,
    @Body() body: DecideExtensionBody,
    @CurrentActor() a: Actor,
    @RequestLanguage() l: Language,
    @IdempotencyKey() k: string | undefined,
  ) {
    return this.run(n, a, l, k, command('decide_extension', body, without(body)));
  }

  @Post('reinspection-applications')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Apply for reinspection (申请复查) — unit' })
  applyForReinspection(
    @Param('caseNumber', CaseNumberPipe) n: string,
    @Body() body: CommandBody,
    @CurrentActor() a: Actor,
    @RequestLanguage() l: Language,
    @IdempotencyKey() k: string | undefined,
  ) {
    return this.run(n, a, l, k, command('apply_for_reinspection', body, {}));
  }

  @Post('reinspection')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Record the reinspection result (复查) — brigade leader' })
  recordReinspection(
    @Param('caseNumber', CaseNumberPipe) n: string,
    @Body() body: RecordReinspectionBody,
    @CurrentActor() a: Actor,
    @RequestLanguage() l: Language,
    @IdempotencyKey() k: string | undefined,
  ) {
    return this.run(n, a, l, k, command('record_reinspection', body, without(body)));
  }

  @Post('closure')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Close the case after a passed reinspection (销案) — brigade leader' })
  close(
    @Param('caseNumber', CaseNumberPipe) n: string,
    @Body() body: CommandBody,
    @CurrentActor() a: Actor,
    @RequestLanguage() l: Language,
    @IdempotencyKey() k: string | undefined,
  ) {
    return this.run(n, a, l, k, command('close_case', body, {}));
  }

  @Post('delisting')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Consent to delisting (摘牌) — government leader' })
  delist(
    @Param('caseNumber', CaseNumberPipe) n: string,
    @Body() body: CommandBody,
    @CurrentActor() a: Actor,
    @RequestLanguage() l: Language,
    @IdempotencyKey() k: string | undefined,
  ) {
    return this.run(n, a, l, k, command('consent_to_delisting', body, {}));
  }

  @Post('interviews/schedule')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Summon the unit to an interview (约谈通知) — government officer, government leader',
  })
  scheduleInterview(
    @Param('caseNumber', CaseNumberPipe) n: string,
    @Body() body: ScheduleInterviewBody,
    @CurrentActor() a: Actor,
    @RequestLanguage() l: Language,
    @IdempotencyKey() k: string | undefined,
  ) {
    return this.run(n, a, l, k, command('schedule_interview', body, without(body)));
  }

  @Post('interviews')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Record an interview (约谈) — government officer, government leader' })
  recordInterview(
    @Param('caseNumber', CaseNumberPipe) n: string,
    @Body() body: RecordInterviewBody,
    @CurrentActor() a: Actor,
    @RequestLanguage() l: Language,
    @IdempotencyKey() k: string | undefined,
  ) {
    return this.run(n, a, l, k, command('record_interview', body, without(body)));
  }

  @Post('escalations/:escalationId/acknowledgement')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Acknowledge an escalation, optionally with an instruction (签收 / 批示) — government officer, government leader',
  })
  acknowledge(
    @Param('caseNumber', CaseNumberPipe) n: string,
    @Param('escalationId') escalationId: string,
    @Body() body: AcknowledgeEscalationBody,
    @CurrentActor() a: Actor,
    @RequestLanguage() l: Language,
    @IdempotencyKey() k: string | undefined,
  ) {
    return this.run(
      n,
      a,
      l,
      k,
      command('acknowledge_escalation', body, {
        escalationId,
        ...(body.instruction ? { instruction: body.instruction } : {}),
      }),
    );
  }

  @Post('exposure/decision')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Approve or reject the media exposure proposal (曝光审批) — government leader' })
  decideExposure(
    @Param('caseNumber', CaseNumberPipe) n: string,
    @Body() body: DecideExposureBody,
    @CurrentActor() a: Actor,
    @RequestLanguage() l: Language,
    @IdempotencyKey() k: string | undefined,
  ) {
    return this.run(n, a, l, k, command('decide_exposure', body, { approved: body.approved }));
  }

  @Post('withdrawal')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Withdraw the case with a reason (撤销案件) — brigade leader, government leader' })
  withdraw(
    @Param('caseNumber', CaseNumberPipe) n: string,
    @Body() body: ReasonRequiredBody,
    @CurrentActor() a: Actor,
    @RequestLanguage() l: Language,
    @IdempotencyKey() k: string | undefined,
  ) {
    return this.run(n, a, l, k, command('withdraw_case', body, {}));
  }

  @Post('suspension')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Suspend the case because the unit stopped operating (中止) — inspector, brigade leader' })
  suspend(
    @Param('caseNumber', CaseNumberPipe) n: string,
    @Body() body: ReasonRequiredBody,
    @CurrentActor() a: Actor,
    @RequestLanguage() l: Language,
    @IdempotencyKey() k: string | undefined,
  ) {
    return this.run(n, a, l, k, command('suspend_case', body, {}));
  }

  @Post('resumption')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Resume a suspended case (恢复) — inspector, brigade leader' })
  resume(
    @Param('caseNumber', CaseNumberPipe) n: string,
    @Body() body: CommandBody,
    @CurrentActor() a: Actor,
    @RequestLanguage() l: Language,
    @IdempotencyKey() k: string | undefined,
  ) {
    return this.run(n, a, l, k, command('resume_case', body, {}));
  }
}
