import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';

import type { Actor } from '@duban/domain';

import { CurrentActor } from '../auth/current-actor.decorator';
import { RequestLanguage, type Language } from '../problems/language';
import { CaseNumberPipe, IdempotencyKey } from '../validation/parameters';
import { CasesService } from './cases.service';
import { CaseDetailResponse, CaseEventResponse, CaseListResponse, CaseResponse } from './dto/case.response';
import { ListCasesQuery } from './dto/list-cases.query';
import { OpenCaseDto } from './dto/open-case.dto';

@ApiTags('cases (隐患案件)')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @ApiOperation({
    summary: 'Open a hazard case (立案)',
    description:
      'Starts the case workflow with the case number as its id and returns once the case is in the read model. ' +
      'Sending the same case again returns it with 200; a different case under the same number is 409.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Client key that makes a retried request safe (幂等键)',
  })
  @ApiCreatedResponse({ type: CaseResponse, description: 'The case was opened' })
  @ApiOkResponse({ type: CaseResponse, description: 'The same case was already open' })
  @ApiBadRequestResponse({ description: 'Invalid body: problem+json with one entry per invalid field' })
  @ApiConflictResponse({ description: 'The case number belongs to a different case' })
  @ApiUnprocessableEntityResponse({ description: 'The Idempotency-Key was used for a different request' })
  async open(
    @Body() body: OpenCaseDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CaseResponse> {
    const result = await this.cases.open(body, idempotencyKey, actor);
    response.status(result.created ? HttpStatus.CREATED : HttpStatus.OK);
    response.location(`/cases/${result.body.caseNumber}`);
    if (result.replayed) response.setHeader('Idempotent-Replayed', 'true');
    return result.body;
  }

  @Get()
  @ApiOperation({
    summary: 'List hazard cases within your scope (案件列表)',
    description: 'A unit sees its own cases; brigades and governments see their jurisdiction and everything below it.',
  })
  @ApiOkResponse({ type: CaseListResponse })
  list(@Query() query: ListCasesQuery, @CurrentActor() actor: Actor): Promise<CaseListResponse> {
    return this.cases.list(query, actor);
  }

  @Get(':caseNumber')
  @ApiOperation({ summary: 'Read one hazard case with every clock and its explanation (案件详情)' })
  @ApiOkResponse({ type: CaseDetailResponse })
  @ApiNotFoundResponse({ description: 'No case has this number within your scope' })
  get(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<CaseDetailResponse> {
    return this.cases.get(caseNumber, actor, language);
  }

  @Get(':caseNumber/events')
  @ApiOperation({ summary: 'The timeline of a case: every event with its actor, time and reason (案件时间线)' })
  @ApiOkResponse({ type: [CaseEventResponse] })
  @ApiNotFoundResponse({ description: 'No case has this number within your scope' })
  events(
    @Param('caseNumber', CaseNumberPipe) caseNumber: string,
    @CurrentActor() actor: Actor,
  ): Promise<CaseEventResponse[]> {
    return this.cases.events(caseNumber, actor);
  }
}
