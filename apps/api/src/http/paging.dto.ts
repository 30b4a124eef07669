import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_PAGE, MAX_LIMIT, type Page } from '@app/projections';

export class PageDto {
  /** At most this many items (default 50, at most 500). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit?: number;

  /** Skip this many items (default 0). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

export const pageOf = (dto: PageDto): Page => ({
  limit: dto.limit ?? DEFAULT_PAGE.limit,
  offset: dto.offset ?? DEFAULT_PAGE.offset,
});
