import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';

import { chinaDateOf, isWithinJurisdiction, type Actor } from '@duban/domain';

import { CurrentActor } from '../auth/current-actor.decorator';
import { RequestLanguage, type Language } from '../problems/language';
import { ApiProblem } from '../problems/problem';
import { RequestValidationError, type FieldViolation } from '../problems/request-validation.error';
import { CaseCommandsService } from './case-commands.service';
import { BatchListingBody } from './command.dtos';

class BatchListingOutcome {
  @ApiProperty({ description: 'Case number (案件编号)' })
  caseNumber!: string;

  @ApiProperty({ description: 'listed, or rejected with the problem that stopped it', enum: ['listed', 'rejected'] })
  status!: 'listed' | 'rejected';

  @ApiPropertyOptional({ description: 'Why the case was not listed, in the response language' })
  detail?: string;
}

class BatchListingResponse {
  @ApiProperty({ description: 'Document number of the listing notice (挂牌督办通知文号)' })
  documentNumber!: string;

  @ApiProperty({ type: [BatchListingOutcome] })
  outcomes!: BatchListingOutcome[];
}

@ApiTags('case commands (案件办理)')
@ApiBearerAuth()
@Controller('listings')
export class ListingsController {
  constructor(private readonly commands: CaseCommandsService) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'List several cases under one listing notice (批量挂牌督办) — government leader',
    description:
      'Each case is listed by its own workflow update, so one case that does not fit is reported without stopping the others.',
  })
  @ApiOkResponse({ type: BatchListingResponse })
  async list(
    @Body() body: BatchListingBody,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<BatchListingResponse> {
    if (actor.role !== 'government_leader') {
      throw new ApiProblem('forbidden', {
        zh: `角色 ${actor.role ?? '（无）'} 不能挂牌督办；挂牌由政府领导决定`,
        en: `role ${actor.role ?? '(none)'} may not list cases; government leaders list them`,
      });
    }
    checkNotice(body, actor);
    const outcomes: BatchListingOutcome[] = [];
    for (const item of body.cases) {
      const payload = {
        documentNumber: body.documentNumber,
        listedOn: body.listedOn,
        level: body.level,
        government: body.government,
        reportingIntervalMonths: body.reportingIntervalMonths,
        responsiblePerson: item.responsiblePerson,
        supervisingDepartment: item.supervisingDepartment,
        deadline: item.deadline,
      };
      const command = { type: 'list_case' as const, payload, ...(body.reason ? { reason: body.reason } : {}) };
      try {
        await this.commands.execute(item.caseNumber, actor, command, language);
        outcomes.push({ caseNumber: item.caseNumber, status: 'listed' });
      } catch (error) {
        if (!(error instanceof ApiProblem)) throw error;
        outcomes.push({ caseNumber: item.caseNumber, status: 'rejected', detail: error.detail[language] });
      }
    }
    return { documentNumber: body.documentNumber, outcomes };
  }
}

/**
 * Rejects a notice that no case could be listed under, before any case is touched: a listing date after
 * today in China Standard Time, or a listing government outside the caller's own jurisdiction.
 */
function checkNotice(body: BatchListingBody, actor: Actor): void {
  const violations: FieldViolation[] = [];
  const today = chinaDateOf(new Date());
  if (body.listedOn > today) {
    violations.push({ field: 'listedOn', constraint: 'isNotFutureChinaDate', params: {} });
  }
  const scope = actor.jurisdictionCode;
  if (scope === undefined || !isWithinJurisdiction(body.government.jurisdictionCode, scope)) {
    violations.push({
      field: 'government.jurisdictionCode',
      constraint: 'isGovernmentInScope',
      params: { scope: scope ?? '' },
    });
  }
  if (violations.length > 0) throw new RequestValidationError(violations);
}
