import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

import type { Actor } from '@duban/domain';
import { CaseQueryRepository, type NotificationEntity } from '@duban/persistence';

import { CurrentActor } from '../auth/current-actor.decorator';
import { RequestLanguage, type Language } from '../problems/language';
import { RequestValidationError } from '../problems/request-validation.error';

class InboxQuery {
  @ApiPropertyOptional({ description: 'Page size, 1–100', default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1, { context: { min: 1 } })
  @Max(100, { context: { max: 100 } })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

class InboxItem {
  @ApiProperty({ description: 'Stable key of the notification (通知编号), the same on every channel' })
  key!: string;

  @ApiProperty({ description: 'Case number (案件编号)' })
  caseNumber!: string;

  @ApiProperty({
    description: 'What it is: reminder, overdue_notice, supervisory_letter, interview, exposure_proposal …',
  })
  topic!: string;

  @ApiPropertyOptional({
    description: 'Escalation to acknowledge (督办事项), with POST /cases/{caseNumber}/escalations/{id}/acknowledgement',
  })
  escalationId?: string;

  @ApiProperty({ description: 'Text in the response language' })
  text!: string;

  @ApiProperty({ description: 'When it was written, ISO 8601 UTC' })
  createdAt!: string;
}

class InboxResponse {
  @ApiProperty({ type: [InboxItem] })
  items!: InboxItem[];

  @ApiProperty({ description: 'Cursor of the next page; null on the last page', type: String, nullable: true })
  nextCursor!: string | null;
}

/** Reminders and escalations addressed to the caller: its role in its jurisdiction, or its unit. */
@ApiTags('inbox (待办)')
@ApiBearerAuth()
@Controller('inbox')
export class InboxController {
  constructor(private readonly cases: CaseQueryRepository) {}

  @Get()
  @ApiOperation({ summary: 'Reminders and escalations addressed to you, newest first (待办与督办)' })
  @ApiOkResponse({ type: InboxResponse })
  async inbox(
    @Query() query: InboxQuery,
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
  ): Promise<InboxResponse> {
    const limit = query.limit ?? 50;
    const before = query.cursor === undefined ? undefined : decodeInboxCursor(query.cursor);
    let rows: NotificationEntity[] = [];
    if (actor.role === 'unit' && actor.unitCreditCode) {
      rows = await this.cases.inbox({ unitCreditCode: actor.unitCreditCode }, limit + 1, before);
    } else if (actor.role && actor.jurisdictionCode) {
      rows = await this.cases.inbox({ role: actor.role, jurisdictionCode: actor.jurisdictionCode }, limit + 1, before);
    }
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => ({
        key: row.key,
        caseNumber: row.caseNumber,
        topic: row.topic,
        ...(row.escalationId ? { escalationId: row.escalationId } : {}),
        text: language === 'zh' ? row.textZh : row.textEn,
        createdAt: row.createdAt.toISOString(),
      })),
      nextCursor:
        rows.length > limit && last
          ? Buffer.from(JSON.stringify([last.createdAt.toISOString(), last.key])).toString('base64url')
          : null,
    };
  }
}

function decodeInboxCursor(cursor: string): { createdAt: Date; key: string } {
  const invalid = new RequestValidationError([{ field: 'query.cursor', constraint: 'isCursor', params: {} }]);
  try {
    const [createdAt, key] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof createdAt !== 'string' ||
      typeof key !== 'string' ||
      !/^[\x21-\x7e]{1,128}$/.test(key) ||
      !/^\d{4}-\d{2}-\d{2}T/.test(createdAt) ||
      Number.isNaN(Date.parse(createdAt))
    ) {
      throw invalid;
    }
    return { createdAt: new Date(createdAt), key };
  } catch {
    throw invalid;
  }
}
