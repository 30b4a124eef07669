import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { ROLES } from '@app/engine';
import { PageDto } from '../http/paging.dto';
import { IsId, IsTimestamp } from '../http/ids';
import { BooleanQuery } from '../http/query-booleans';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class DeadlinesDto extends PageDto {
  /** Only deadlines due by this instant (RFC 3339). */
  @IsOptional()
  @IsTimestamp()
  dueBy?: string;

  @IsOptional()
  @IsId()
  unit?: string;
}

export class FollowUpDto extends PageDto {
  @IsOptional()
  @IsId()
  unit?: string;

  @IsOptional()
  @IsIn(ROLES, { message: `owner must be one of: ${ROLES.join(', ')}` })
  owner?: string;

  @IsOptional()
  @BooleanQuery()
  @IsBoolean({ message: 'escalated must be true or false' })
  escalated?: boolean;

  /** Only follow-ups whose owner has gone three months without recording one (true), or the others (false). */
  @IsOptional()
  @BooleanQuery()
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;
}

export class UnitDto {
  @IsOptional()
  @IsId()
  unit?: string;
}

export class MonthRangeDto extends UnitDto {
  /** First month, YYYY-MM. */
  @Matches(MONTH, { message: 'from must be a month as YYYY-MM' })
  from!: string;

  /** Last month, YYYY-MM (at most 120 months after from). */
  @Matches(MONTH, { message: 'to must be a month as YYYY-MM' })
  to!: string;
}
