import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export const DEFAULT_DIRECTORY_PAGE_SIZE = 100;
export const MAX_DIRECTORY_PAGE_SIZE = 500;

/** Converts the query strings `true` and `false` to booleans and leaves any other value for the validator. */
export function toBoolean({ value }: { value: unknown }): unknown {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

/** Paging of the directory lists: rows in key order, resumed after the previous page's last key. */
export class DirectoryPageQuery {
  @ApiPropertyOptional({
    description: `Page size (每页条数), 1–${MAX_DIRECTORY_PAGE_SIZE}`,
    default: DEFAULT_DIRECTORY_PAGE_SIZE,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1, { context: { min: 1 } })
  @Max(MAX_DIRECTORY_PAGE_SIZE, { context: { max: MAX_DIRECTORY_PAGE_SIZE } })
  limit?: number;

  @ApiPropertyOptional({ description: 'Paging cursor (分页游标): nextCursor of the previous page; omit for the first' })
  @IsOptional()
  @IsString()
  cursor?: string;
}
