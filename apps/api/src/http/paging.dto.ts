import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_PAGE, MAX_LIMIT, type Page } from '@app/read-model';

/** Far beyond any real list (2,000 pages of 500), small enough for every store's integer type. */
export const MAX_OFFSET = 1_000_000;

/**
 * A whole number from the query string, written as plain digits. `1e300`,
 * `0x10` or twenty nines stay strings and are refused by name, instead of
 * reaching the database as a number it cannot bind.
 */
export function QueryInt(min: number, max: number): PropertyDecorator {
  const message = `$property must be a whole number from ${min} to ${max}`;
  const decorators = [
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && /^-?\d{1,10}$/.test(value) ? Number(value) : value,
    ),
    IsInt({ message }),
    Min(min, { message }),
    Max(max, { message }),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

export class PageDto {
  /** At most this many items (default 50, at most 500). */
  @IsOptional()
  @QueryInt(1, MAX_LIMIT)
  limit?: number;

  /** Skip this many items (default 0, at most 1,000,000). */
  @IsOptional()
  @QueryInt(0, MAX_OFFSET)
  offset?: number;
}

export const pageOf = (dto: PageDto): Page => ({
  limit: dto.limit ?? DEFAULT_PAGE.limit,
  offset: dto.offset ?? DEFAULT_PAGE.offset,
});
