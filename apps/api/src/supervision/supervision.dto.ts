import { IsBoolean, IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { ROLES } from '@app/engine';
import { PageDto } from '../http/paging.dto';
import { ID_PATTERN, ID_RULE } from '../http/ids';
import { BooleanQuery } from '../http/query-booleans';

const unitRule = { message: `unit ${ID_RULE}` };
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export class DeadlinesDto extends PageDto {
  /** Only deadlines due by this instant (ISO-8601). */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'dueBy must be an ISO-8601 instant' })
  dueBy?: string;

  @IsOptional()
  @Matches(ID_PATTERN, unitRule)
  unit?: string;
}

export class FollowUpDto extends PageDto {
  @IsOptional()
  @Matches(ID_PATTERN, unitRule)
  unit?: string;

  @IsOptional()
  @IsIn(ROLES, { message: `owner must be one of: ${ROLES.join(', ')}` })
  owner?: string;

  @IsOptional()
  @BooleanQuery()
  @IsBoolean({ message: 'escalated must be true or false' })
  escalated?: boolean;
}

export class UnitDto {
  @IsOptional()
  @Matches(ID_PATTERN, unitRule)
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
