import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { negotiateLanguage } from '../problems/language';
import { DeterminationService } from './determination.service';
import { ProposalRequestDto } from './dto/proposal-request.dto';
import { ProposalResponse } from './dto/proposal.response';
import { RuleSetListResponse } from './dto/ruleset.response';
import { Public } from '../auth/auth.guard';

@ApiTags('determination (重大火灾隐患判定)')
@Public()
@Controller('determination')
export class DeterminationController {
  constructor(private readonly determination: DeterminationService) {}

  @Get('rulesets')
  @ApiOperation({
    summary: 'Catalogue of the determination standards (判定标准目录)',
    description:
      'Each edition (GA 653-2006, GB 35181-2017, GB 35181-2025) with its place categories, elements, counting ' +
      'rules and exclusions. Items not confirmed from the official text carry verified: false and a note.',
  })
  @ApiOkResponse({ type: RuleSetListResponse })
  rulesets(): RuleSetListResponse {
    return this.determination.rulesets();
  }

  @Post('proposals')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Propose a determination (判定建议)',
    description:
      'Runs the rule set of the edition in force on inspectedOn over the elements found and the exclusion answers, ' +
      'and proposes major, not_major or excluded with the clause, count and threshold behind it. Nothing is stored; ' +
      "the brigade's collective decision records the outcome.",
  })
  @ApiHeader({
    name: 'Accept-Language',
    required: false,
    description: 'Language of explanation and notes: Chinese (中文) unless English is preferred',
  })
  @ApiOkResponse({ type: ProposalResponse })
  @ApiBadRequestResponse({
    description: 'Invalid body, or a clause, category or exclusion the edition does not have: problem+json per field',
  })
  propose(
    @Body() body: ProposalRequestDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): ProposalResponse {
    return this.determination.propose(body, negotiateLanguage(acceptLanguage));
  }
}
