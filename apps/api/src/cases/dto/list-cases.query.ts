import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Query of GET /cases. */
export class ListCasesQuery {
  @ApiPropertyOptional({ description: `Page size, 1–${MAX_PAGE_SIZE}`, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1, { context: { min: 1 } })
  @Max(MAX_PAGE_SIZE, { context: { max: MAX_PAGE_SIZE } })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page; omit for the first page' })
  @IsOptional()
  @IsString()
  cursor?: string;
}
