import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';

import type { Actor } from '@duban/domain';
import { verifyAuditTrail, type AuditVerification } from '@duban/persistence';

import { CurrentActor } from '../auth/current-actor.decorator';
import { ApiProblem } from '../problems/problem';

const AUDITORS = ['admin', 'government_leader'];

@ApiTags('audit (审计)')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('verify')
  @ApiOperation({
    summary: 'Verify the hash chain of the audit trail (审计链校验) — admin, government leader',
    description: 'Reports the first altered or missing row, or that every row checks out.',
  })
  verify(@CurrentActor() actor: Actor): Promise<AuditVerification> {
    if (!AUDITORS.includes(actor.role ?? '')) {
      throw new ApiProblem('forbidden', {
        zh: '只有系统管理员和政府领导可以校验审计链',
        en: 'Only administrators and government leaders may verify the audit trail',
      });
    }
    return verifyAuditTrail(this.dataSource);
  }
}
